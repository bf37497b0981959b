package dev.wharf.build.dockerfile;

import java.util.List;

/** An instruction's text after continuations are joined, with the here-documents that follow it. */
record LogicalLine(int line, String text, List<Heredoc> heredocs) {}
