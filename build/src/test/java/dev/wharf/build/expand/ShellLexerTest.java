package dev.wharf.build.expand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellLexerTest {
    private final ShellLexer lexer = new ShellLexer('\\');
    private final Variables vars = Variables.of(Map.of("NAME", "world", "EMPTY", "", "FILE", "/a/b/c.tar.gz",
            "SPACED", "a b"));

    private String word(String text) throws ExpansionException {
        return lexer.processWord(text, vars);
    }

    @Test
    void expandsTheFormsDockerSupports() throws Exception {
        assertThat(word("$NAME")).isEqualTo("world");
        assertThat(word("${NAME}x")).isEqualTo("worldx");
        assertThat(word("$UNSET-")).isEqualTo("-");
        assertThat(word("${UNSET:-dflt}")).isEqualTo("dflt");
        assertThat(word("${EMPTY:-dflt}")).isEqualTo("dflt");
        assertThat(word("${EMPTY-dflt}")).isEqualTo("");
        assertThat(word("${UNSET-dflt}")).isEqualTo("dflt");
        assertThat(word("${NAME:+alt}")).isEqualTo("alt");
        assertThat(word("${EMPTY:+alt}")).isEqualTo("");
        assertThat(word("${EMPTY+alt}")).isEqualTo("alt");
        assertThat(word("${UNSET:-$NAME}")).isEqualTo("world");
        assertThat(word("${FILE#*/}")).isEqualTo("a/b/c.tar.gz");
        assertThat(word("${FILE##*/}")).isEqualTo("c.tar.gz");
        assertThat(word("${FILE%.*}")).isEqualTo("/a/b/c.tar");
        assertThat(word("${FILE%%.*}")).isEqualTo("/a/b/c");
        assertThat(word("${FILE/b/B}")).isEqualTo("/a/B/c.tar.gz");
        assertThat(word("${NAME//o/0}")).isEqualTo("w0rld");
    }

    @Test
    void quotesAndEscapes() throws Exception {
        assertThat(word("'$NAME'")).isEqualTo("$NAME");
        assertThat(word("\"$NAME and \\$NAME\"")).isEqualTo("world and $NAME");
        assertThat(word("\\$NAME")).isEqualTo("$NAME");
        assertThat(word("\"a\\b\"")).isEqualTo("a\\b");
        assertThat(word("a\\ b")).isEqualTo("a b");
        assertThat(word("$")).isEqualTo("$");
        assertThat(word("100$")).isEqualTo("100$");
    }

    @Test
    void wordsSplitAtUnquotedSpaceAlsoInValues() throws Exception {
        assertThat(lexer.processWords("a \"b c\" $SPACED", vars)).containsExactly("a", "b c", "a", "b");
        assertThat(lexer.processWords("\"$SPACED\"", vars)).containsExactly("a b");
    }

    @Test
    void badSubstitutionsFail() {
        assertThatThrownBy(() -> word("${}")).isInstanceOf(ExpansionException.class).hasMessage("bad substitution");
        assertThatThrownBy(() -> word("${NAME")).hasMessage("syntax error: missing '}'");
        assertThatThrownBy(() -> word("${NAME:=x}")).hasMessage("unsupported modifier (=) in substitution");
        assertThatThrownBy(() -> word("${UNSET:?must be set}")).hasMessage("UNSET: must be set");
        assertThatThrownBy(() -> word("'open")).hasMessageContaining("matching single-quote");
        assertThatThrownBy(() -> word("\"open")).hasMessageContaining("matching double-quote");
    }

    @Test
    void backtickEscape() throws Exception {
        ShellLexer windows = new ShellLexer('`');
        assertThat(windows.processWord("`$NAME \\x", vars)).isEqualTo("$NAME \\x");
    }
}
