package dev.wharf.cli.format.template;

import dev.wharf.cli.format.template.Lexer.Kind;
import dev.wharf.cli.format.template.Lexer.Segment;
import dev.wharf.cli.format.template.Lexer.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recursive descent over the lexer's segments and tokens:
 * <pre>
 * list     := (text | action | if | range | with)*
 * if       := {{if pipeline}} list ({{else if pipeline}} list)* ({{else}} list)? {{end}}
 * range    := {{range pipeline}} list ({{else}} list)? {{end}}       (also with)
 * pipeline := ($v (, $v)? :=)? command (| command)*
 * command  := operand operand*
 * operand  := .Field.Chain | $var.Chain | function | "string" | `raw` | number | true | false | nil
 *           | ( pipeline ).Chain
 * </pre>
 */
final class Parser {
    private final List<Segment> segments;
    private int pos;

    private Parser(List<Segment> segments) {
        this.segments = segments;
    }

    static List<Node> parse(String template) {
        Parser parser = new Parser(Lexer.segments(template));
        List<Node> nodes = parser.list();
        if (parser.pos < parser.segments.size()) {
            Segment stray = parser.segments.get(parser.pos);
            throw new TemplateException("template: :" + stray.line() + ": unexpected {{" + keyword(stray) + "}}");
        }
        return nodes;
    }

    /** Nodes up to (not including) an {@code end} or {@code else} action, or the end. */
    private List<Node> list() {
        List<Node> nodes = new ArrayList<>();
        while (pos < segments.size()) {
            Segment segment = segments.get(pos);
            if (!segment.action()) {
                nodes.add(new Node.Text(segment.text()));
                pos++;
                continue;
            }
            String keyword = keyword(segment);
            switch (keyword) {
                case "end", "else" -> {
                    return nodes;
                }
                case "if" -> nodes.add(ifNode(rest(segment, "if"), segment.line()));
                case "range", "with" -> nodes.add(block(keyword, segment));
                case "define", "template", "block", "break", "continue" ->
                        throw new TemplateException("template: :" + segment.line() + ": {{" + keyword
                                + "}} is not supported");
                default -> {
                    nodes.add(new Node.Action(pipeline(segment.text(), segment.line())));
                    pos++;
                }
            }
        }
        return nodes;
    }

    /** After {@code {{if …}}} or {@code {{else if …}}}: the branches up to the shared {@code {{end}}}. */
    private Node ifNode(String condition, int line) {
        pos++;
        Node.Pipeline pipeline = pipeline(condition, line);
        List<Node> then = list();
        Segment stop = expectStop(line, "if");
        List<Node> otherwise = List.of();
        String rest = rest(stop, keyword(stop));
        if (keyword(stop).equals("else")) {
            if (rest.startsWith("if ") || rest.equals("if")) {
                return new Node.If(pipeline, then, List.of(ifNode(rest(new Segment(true, rest, stop.line()), "if"),
                        stop.line())));
            }
            pos++;
            otherwise = list();
            expectEnd(line, "if");
        }
        pos++;
        return new Node.If(pipeline, then, otherwise);
    }

    private Node block(String keyword, Segment segment) {
        pos++;
        Node.Pipeline pipeline = pipeline(rest(segment, keyword), segment.line());
        List<Node> body = list();
        Segment stop = expectStop(segment.line(), keyword);
        List<Node> otherwise = List.of();
        if (keyword(stop).equals("else")) {
            pos++;
            otherwise = list();
            expectEnd(segment.line(), keyword);
        }
        pos++;
        return keyword.equals("range") ? new Node.Range(pipeline, body, otherwise)
                : new Node.With(pipeline, body, otherwise);
    }

    private Segment expectStop(int line, String keyword) {
        if (pos >= segments.size()) {
            throw new TemplateException("template: :" + line + ": unexpected EOF in " + keyword);
        }
        return segments.get(pos);
    }

    private void expectEnd(int line, String keyword) {
        Segment stop = expectStop(line, keyword);
        if (!keyword(stop).equals("end")) {
            throw new TemplateException("template: :" + stop.line() + ": expected end; found {{" + stop.text() + "}}");
        }
    }

    /** The action's leading word ({@code if}, {@code else}, {@code end}, …; a function name is harmless here). */
    private static String keyword(Segment segment) {
        String text = segment.text();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private static String rest(Segment segment, String keyword) {
        return segment.text().substring(keyword.length()).strip();
    }

    private static Node.Pipeline pipeline(String text, int line) {
        if (text.isEmpty()) {
            throw new TemplateException("template: :" + line + ": missing value for command");
        }
        var tokens = new Tokens(Lexer.tokens(text, line), line);
        Node.Pipeline pipeline = tokens.pipeline();
        if (!tokens.done()) {
            throw new TemplateException("template: :" + line + ": unexpected \"" + tokens.peek().text() + "\" in operand");
        }
        return pipeline;
    }

    /** The tokens of one action. */
    private static final class Tokens {
        private final List<Token> tokens;
        private final int line;
        private int at;

        Tokens(List<Token> tokens, int line) {
            this.tokens = tokens;
            this.line = line;
        }

        boolean done() {
            return at >= tokens.size();
        }

        Token peek() {
            return tokens.get(at);
        }

        Node.Pipeline pipeline() {
            List<String> declared = declarations();
            List<Node.Command> commands = new ArrayList<>();
            while (true) {
                List<Node.Operand> operands = new ArrayList<>();
                while (!done() && peek().kind() != Kind.PIPE && peek().kind() != Kind.RPAREN) {
                    operands.add(operand());
                }
                if (operands.isEmpty()) {
                    throw new TemplateException("template: :" + line + ": missing value for command");
                }
                commands.add(new Node.Command(List.copyOf(operands)));
                if (done() || peek().kind() != Kind.PIPE) {
                    return new Node.Pipeline(declared, List.copyOf(commands), line);
                }
                at++;
            }
        }

        /** {@code $x :=} or {@code $i, $v :=}, if the pipeline starts with one. */
        private List<String> declarations() {
            int save = at;
            List<String> names = new ArrayList<>();
            while (!done() && peek().kind() == Kind.VARIABLE) {
                names.add(tokens.get(at++).text());
                if (!done() && peek().kind() == Kind.COMMA) {
                    at++;
                    continue;
                }
                if (!done() && (peek().kind() == Kind.DECLARE || peek().kind() == Kind.ASSIGN)) {
                    at++;
                    return List.copyOf(names);
                }
                break;
            }
            at = save;
            return List.of();
        }

        private Node.Operand operand() {
            Token token = tokens.get(at++);
            return switch (token.kind()) {
                case FIELD -> new Node.Field(fields(token.text()));
                case VARIABLE -> {
                    String text = token.text();
                    int dot = text.indexOf('.');
                    yield dot < 0 ? new Node.Variable(text, List.of())
                            : new Node.Variable(text.substring(0, dot), fields(text.substring(dot)));
                }
                case STRING -> new Node.Literal(token.text());
                case NUMBER -> new Node.Literal(number(token.text()));
                case IDENT -> switch (token.text()) {
                    case "true" -> new Node.Literal(Boolean.TRUE);
                    case "false" -> new Node.Literal(Boolean.FALSE);
                    case "nil" -> new Node.Literal(null);
                    default -> new Node.Function(token.text());
                };
                case LPAREN -> {
                    Node.Pipeline inner = pipeline();
                    if (done() || peek().kind() != Kind.RPAREN) {
                        throw new TemplateException("template: :" + line + ": unclosed left paren");
                    }
                    at++;
                    List<String> chain = List.of();
                    if (!done() && peek().kind() == Kind.FIELD && peek().adjacent()) {
                        chain = fields(tokens.get(at++).text());
                    }
                    yield new Node.Group(inner, chain);
                }
                default -> throw new TemplateException("template: :" + line + ": unexpected \"" + token.text()
                        + "\" in operand");
            };
        }

        private Object number(String text) {
            try {
                return text.matches("[-+]?\\d+") ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new TemplateException("template: :" + line + ": bad number syntax: \"" + text + "\"");
            }
        }

        /** ".A.B" → [A, B]; "." → []. */
        private static List<String> fields(String chain) {
            return Arrays.stream(chain.split("\\.")).filter(part -> !part.isEmpty()).toList();
        }
    }
}
