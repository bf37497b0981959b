package dev.wharf.build.dockerfile;

/** Where an instruction came from: its first line and its text as Docker prints it in "Step n/m : …". */
public record Source(int line, String text) {}
