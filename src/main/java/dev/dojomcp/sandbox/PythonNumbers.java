package dev.dojomcp.sandbox;

/**
 * Python's {@code int(text)} and {@code float(text)} on report cells: surrounding white space is allowed, and a
 * failure is a ValueError (so a 400) with Python's wording.
 */
final class PythonNumbers {
    private PythonNumbers() {
    }

    static int toInt(String text) {
        String t = text == null ? "" : text.strip().replace("_", "");
        try {
            return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new ReportError("invalid literal for int() with base 10: " + PythonText.repr(nonNull(text)));
        }
    }

    static double toFloat(String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.isEmpty() || !t.matches("[+-]?(\\d[\\d_]*)?\\.?[\\d_]*([eE][+-]?\\d+)?")) {
                throw new NumberFormatException(t);
            }
            return Double.parseDouble(t.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ReportError("could not convert string to float: " + PythonText.repr(nonNull(text)));
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
