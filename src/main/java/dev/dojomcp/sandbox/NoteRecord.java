package dev.dojomcp.sandbox;

record NoteRecord(int id, int author, String entry, long date, boolean isPrivate, boolean edited,
                  int editor, long editTime) {
}
