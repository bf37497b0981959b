package dev.wharf.image;

import java.util.ArrayList;
import java.util.List;

/** Splits Dockerfile arguments into words the way the Dockerfile parser does: quotes group, backslash escapes. */
final class Words {
    private Words() {}

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (c == '\\' && quote != '\'' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else {
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new InvalidChangeException("unexpected end of statement while looking for matching " + quote);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Index of the first '=' in the first word (unquoted text), or -1: tells {@code k=v} from the legacy {@code k v}. */
    static int firstRawEquals(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                return -1;
            }
            if (c == '=') {
                return i;
            }
        }
        return -1;
    }
}
