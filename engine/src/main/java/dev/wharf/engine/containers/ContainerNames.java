package dev.wharf.engine.containers;

import dev.wharf.engine.errors.InvalidArgumentException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Docker's container name rules and its adjective_surname generator (moby namesgenerator, abridged). */
final class ContainerNames {
    private static final String VALID_CHARS = "[a-zA-Z0-9][a-zA-Z0-9_.-]";
    private static final Pattern VALID = Pattern.compile("^/?" + VALID_CHARS + "+$");

    private static final List<String> LEFT = List.of(
            "admiring", "adoring", "affectionate", "amazing", "awesome", "blissful", "bold", "brave", "busy",
            "charming", "clever", "compassionate", "confident", "cool", "dazzling", "determined", "dreamy",
            "eager", "ecstatic", "elastic", "elated", "elegant", "epic", "exciting", "fervent", "festive",
            "focused", "friendly", "funny", "gallant", "gifted", "goofy", "gracious", "happy", "hopeful",
            "hungry", "infallible", "inspiring", "intelligent", "jolly", "keen", "kind", "laughing", "loving",
            "lucid", "magical", "modest", "musing", "nervous", "nice", "nifty", "nostalgic", "objective",
            "optimistic", "peaceful", "pensive", "practical", "priceless", "quirky", "quizzical", "relaxed",
            "reverent", "romantic", "serene", "sharp", "silly", "sleepy", "stoic", "strange", "suspicious",
            "sweet", "tender", "thirsty", "trusting", "upbeat", "vibrant", "vigilant", "wizardly", "wonderful",
            "xenodochial", "youthful", "zealous", "zen");

    private static final List<String> RIGHT = List.of(
            "albattani", "allen", "archimedes", "babbage", "banach", "bardeen", "bell", "bhabha", "blackwell",
            "bohr", "booth", "borg", "cannon", "carson", "cerf", "chandrasekhar", "curie", "darwin", "davinci",
            "dijkstra", "einstein", "euclid", "euler", "fermat", "fermi", "feynman", "franklin", "galileo",
            "gauss", "goldberg", "goodall", "hamilton", "hawking", "heisenberg", "hertz", "hodgkin", "hopper",
            "hypatia", "jang", "jennings", "kalam", "kepler", "knuth", "lamarr", "lamport", "leakey", "lovelace",
            "lumiere", "mahavira", "mayer", "mccarthy", "mendel", "minsky", "montalcini", "morse", "newton",
            "nobel", "noether", "pasteur", "payne", "perlman", "pike", "poincare", "ramanujan", "ritchie",
            "rosalind", "sammet", "shannon", "shockley", "sinoussi", "stonebraker", "swartz", "tesla",
            "thompson", "torvalds", "turing", "varahamihira", "villani", "wescoff", "williams", "wing", "wozniak",
            "yalow", "yonath");

    private ContainerNames() {}

    /** The name without its leading slash; throws Docker's 400 for a name outside the allowed characters. */
    static String validate(String name) {
        if (!VALID.matcher(name).matches()) {
            throw new InvalidArgumentException(
                    "Invalid container name (" + name + "), only " + VALID_CHARS + " are allowed");
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** A free random name; after a few collisions a digit is appended, as moby does. */
    static String generate(Predicate<String> taken) {
        var random = ThreadLocalRandom.current();
        for (int attempt = 0; ; attempt++) {
            String name = LEFT.get(random.nextInt(LEFT.size())) + "_" + RIGHT.get(random.nextInt(RIGHT.size()));
            if (name.equals("boring_wozniak")) { // moby's one exception: Steve Wozniak is not boring
                continue;
            }
            if (attempt >= 5) {
                name += random.nextInt(10);
            }
            if (!taken.test(name)) {
                return name;
            }
        }
    }
}
