package org.fundwatch.demo;

/** One line of a message file with where it came from ({@code file:line}). */
record MessageLine(String source, long lineNo, byte[] bytes) {
    String position() {
        return source + ":" + lineNo;
    }
}
