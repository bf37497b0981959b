package dev.wharf.image;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalised image reference, following docker/distribution's {@code reference} package:
 * {@code busybox} is {@code docker.io/library/busybox:latest}. {@code domain} and {@code path} are
 * always set; {@code tag} and {@code digest} may each be null.
 */
public record ImageReference(String domain, String path, String tag, Digest digest) {
    public static final String DEFAULT_DOMAIN = "docker.io";
    public static final String DEFAULT_TAG = "latest";
    private static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
    private static final String OFFICIAL_REPO_PREFIX = "library/";
    private static final String LOCALHOST = "localhost";
    private static final int NAME_TOTAL_LENGTH_MAX = 255;

    private static final String ALPHANUMERIC = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
    private static final String DOMAIN_NAME_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String IPV6_ADDRESS = "\\[(?:[a-fA-F0-9:]+)\\]";
    private static final String DOMAIN_NAME = DOMAIN_NAME_COMPONENT + "(?:\\." + DOMAIN_NAME_COMPONENT + ")*";
    private static final String DOMAIN_AND_PORT = "(?:" + DOMAIN_NAME + "|" + IPV6_ADDRESS + ")(?::[0-9]+)?";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final String REMOTE_NAME = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";

    /** A normalised reference always has a domain, so the domain group is mandatory here. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(" + DOMAIN_AND_PORT + ")/(" + REMOTE_NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
    private static final Pattern ANY_REFERENCE = Pattern.compile(
            "(?:" + DOMAIN_AND_PORT + "/)?" + REMOTE_NAME + "(?::" + TAG + ")?(?:@" + DIGEST + ")?");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");

    /** Parses like Docker's {@code ParseDockerRef}: normalised, tag {@code latest} when neither tag nor digest is given. */
    public static ImageReference parse(String text) {
        ImageReference ref = parseName(text);
        return ref.tag == null && ref.digest == null ? ref.withTag(DEFAULT_TAG) : ref;
    }

    /** Parses like {@code ParseNormalizedNamed}: normalised, but without adding a default tag. */
    public static ImageReference parseName(String text) {
        if (text == null || text.isEmpty()) {
            throw InvalidReferenceException.format();
        }
        if (IDENTIFIER.matcher(text).matches()) {
            throw new InvalidReferenceException("invalid repository name (" + text
                    + "), cannot specify 64-byte hexadecimal strings");
        }
        String[] split = splitDockerDomain(text);
        String domain = split[0];
        String remainder = split[1];
        int tagSeparator = remainder.indexOf(':');
        String remoteName = tagSeparator >= 0 ? remainder.substring(0, tagSeparator) : remainder;
        if (!remoteName.toLowerCase(java.util.Locale.ROOT).equals(remoteName)) {
            throw new InvalidReferenceException("invalid reference format: repository name ("
                    + remoteName + ") must be lowercase");
        }
        return parseNormalized(domain + "/" + remainder);
    }

    private static ImageReference parseNormalized(String text) {
        Matcher m = REFERENCE.matcher(text);
        if (!m.matches()) {
            if (ANY_REFERENCE.matcher(text.toLowerCase(java.util.Locale.ROOT)).matches()) {
                throw new InvalidReferenceException("invalid reference format: repository name must be lowercase");
            }
            throw InvalidReferenceException.format();
        }
        String domain = m.group(1);
        String path = m.group(2);
        if (domain.length() + 1 + path.length() > NAME_TOTAL_LENGTH_MAX) {
            throw new InvalidReferenceException("invalid reference format: repository name must not be more than "
                    + NAME_TOTAL_LENGTH_MAX + " characters");
        }
        Digest digest = null;
        if (m.group(4) != null) {
            try {
                digest = Digest.parse(m.group(4));
            } catch (IllegalArgumentException e) {
                throw new InvalidReferenceException(e.getMessage());
            }
        }
        return new ImageReference(domain, path, m.group(3), digest);
    }

    /** Docker's splitDockerDomain: the first component is a domain if it has '.', ':', is localhost or has uppercase. */
    private static String[] splitDockerDomain(String name) {
        String domain;
        String remainder;
        int slash = name.indexOf('/');
        String first = slash < 0 ? null : name.substring(0, slash);
        if (first == null || (!first.contains(".") && !first.contains(":") && !first.equals(LOCALHOST)
                && first.toLowerCase(java.util.Locale.ROOT).equals(first))) {
            domain = DEFAULT_DOMAIN;
            remainder = name;
        } else {
            domain = first;
            remainder = name.substring(slash + 1);
        }
        if (domain.equals(LEGACY_DEFAULT_DOMAIN)) {
            domain = DEFAULT_DOMAIN;
        }
        if (domain.equals(DEFAULT_DOMAIN) && !remainder.contains("/")) {
            remainder = OFFICIAL_REPO_PREFIX + remainder;
        }
        return new String[] {domain, remainder};
    }

    /** The full repository name: {@code docker.io/library/busybox}. */
    public String name() {
        return domain + "/" + path;
    }

    /** The name as the docker CLI shows it: {@code busybox}, {@code user/app}, {@code localhost:5000/a/b}. */
    public String familiarName() {
        if (!domain.equals(DEFAULT_DOMAIN)) {
            return name();
        }
        if (path.startsWith(OFFICIAL_REPO_PREFIX)) {
            String rest = path.substring(OFFICIAL_REPO_PREFIX.length());
            if (!rest.contains("/")) {
                return rest;
            }
        }
        return path;
    }

    /** The familiar form with tag and/or digest: {@code busybox:latest}. */
    public String familiarString() {
        return familiarName() + suffix();
    }

    /** The full form with tag and/or digest: {@code docker.io/library/busybox:latest}. */
    @Override
    public String toString() {
        return name() + suffix();
    }

    public boolean isNameOnly() {
        return tag == null && digest == null;
    }

    public ImageReference withTag(String newTag) {
        if (newTag == null || !newTag.matches(TAG)) {
            throw InvalidReferenceException.format();
        }
        return new ImageReference(domain, path, newTag, digest);
    }

    public ImageReference withDigest(Digest newDigest) {
        return new ImageReference(domain, path, tag, newDigest);
    }

    /** The repository alone, without tag or digest. */
    public ImageReference nameOnly() {
        return new ImageReference(domain, path, null, null);
    }

    private String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
