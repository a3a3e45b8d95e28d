package dev.dojomcp.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A bounded recorder of latencies in nanoseconds, with nearest-rank percentiles. */
final class BenchStats {
    private long[] values;
    private int size;
    private final int capacity;

    BenchStats(int initial, int capacity) {
        this.values = new long[Math.max(16, Math.min(initial, capacity))];
        this.capacity = capacity;
    }

    /** Adds a value; false (and the value dropped) when the recorder is full. */
    boolean add(long nanos) {
        if (size == values.length) {
            if (size >= capacity) {
                return false;
            }
            values = Arrays.copyOf(values, (int) Math.min((long) capacity, size * 2L));
        }
        values[size++] = nanos;
        return true;
    }

    int count() {
        return size;
    }

    static BenchStats merge(List<BenchStats> parts) {
        int total = parts.stream().mapToInt(BenchStats::count).sum();
        BenchStats all = new BenchStats(Math.max(16, total), Math.max(16, total));
        for (BenchStats p : parts) {
            System.arraycopy(p.values, 0, all.values, all.size, p.size);
            all.size += p.size;
        }
        return all;
    }

    /** Percentile {@code p} (0..100) by nearest rank, in nanoseconds; -1 when empty. */
    long percentile(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size - 1, Math.max(0, rank - 1))];
    }

    double meanNanos() {
        if (size == 0) {
            return -1;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }

    static String ms(double nanos) {
        return nanos < 0 ? "–" : String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    static String ms0(double nanos) {
        return nanos < 0 ? "–" : String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }
}
