package dev.wharf.runtime;

import dev.wharf.runtime.AccountFiles.Group;
import dev.wharf.runtime.AccountFiles.Passwd;
import dev.wharf.runtime.ContainerSpec.ProcessUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Docker's reading of a container's {@code User}: {@code ""} (root), {@code uid}, {@code uid:gid},
 * {@code name}, {@code name:group}, looked up in the container's own /etc/passwd and /etc/group
 * (libcontainer's GetExecUser). As in dockerd, the additional gids start with the primary gid,
 * followed by the groups that list the user as a member.
 */
public final class UserResolver {
    private static final long MAX_ID = Integer.MAX_VALUE;

    private UserResolver() {}

    /** The user, with {@code --group-add} groups (names or gids) appended to its additional gids. */
    public static ProcessUser resolve(Path rootfs, String user, List<String> groupAdd) throws IOException {
        ProcessUser resolved = resolve(rootfs, user);
        if (groupAdd == null || groupAdd.isEmpty()) {
            return resolved;
        }
        List<Group> groups = AccountFiles.group(ScopedPath.regularFile(rootfs, "/etc/group")).orElse(List.of());
        List<Integer> additional = new ArrayList<>(resolved.additionalGids());
        for (String wanted : groupAdd) {
            Long numeric = parseId(wanted);
            Optional<Group> group = groups.stream()
                    .filter(entry -> numeric != null ? entry.gid() == numeric : entry.name().equals(wanted))
                    .findFirst();
            if (group.isPresent()) {
                additional.add(group.get().gid());
            } else if (numeric == null) {
                throw new UnknownUserException("unable to find group " + wanted + ": no matching entries in group file");
            } else {
                additional.add(checkRange(numeric));
            }
        }
        return new ProcessUser(resolved.uid(), resolved.gid(), List.copyOf(additional));
    }

    public static ProcessUser resolve(Path rootfs, String user) throws IOException {
        String spec = user == null ? "" : user;
        int colon = spec.indexOf(':');
        String userArg = colon < 0 ? spec : spec.substring(0, colon);
        String groupArg = colon < 0 ? "" : spec.substring(colon + 1);
        Optional<List<Passwd>> passwd = AccountFiles.passwd(ScopedPath.regularFile(rootfs, "/etc/passwd"));
        Optional<List<Group>> groups = AccountFiles.group(ScopedPath.regularFile(rootfs, "/etc/group"));

        Long numericUser = parseId(userArg);
        Passwd match = passwd.orElse(List.of()).stream()
                .filter(entry -> userArg.isEmpty() ? entry.uid() == 0
                        : numericUser != null ? entry.uid() == numericUser : entry.name().equals(userArg))
                .findFirst().orElse(null);

        int uid = 0;
        int gid = 0;
        if (match != null) {
            uid = match.uid();
            gid = match.gid();
        } else if (!userArg.isEmpty()) {
            if (numericUser == null) {
                throw new UnknownUserException("unable to find user " + userArg + ": no matching entries in passwd file");
            }
            uid = checkRange(numericUser);
        }

        List<Integer> supplementary = new ArrayList<>();
        if (!groupArg.isEmpty()) {
            Long numericGroup = parseId(groupArg);
            Optional<Group> group = groups.orElse(List.of()).stream()
                    .filter(entry -> numericGroup != null ? entry.gid() == numericGroup : entry.name().equals(groupArg))
                    .findFirst();
            if (group.isPresent()) {
                gid = group.get().gid();
            } else if (numericGroup == null) {
                throw new UnknownUserException("unable to find group " + groupArg + ": no matching entries in group file");
            } else {
                gid = checkRange(numericGroup);
            }
        } else if (match != null) {
            String name = match.name();
            groups.orElse(List.of()).stream()
                    .filter(entry -> entry.members().contains(name))
                    .forEach(entry -> supplementary.add(entry.gid()));
        }

        List<Integer> additional = new ArrayList<>();
        additional.add(gid);
        additional.addAll(supplementary);
        return new ProcessUser(uid, gid, List.copyOf(additional));
    }

    /** A decimal id, or null when the text is a name. */
    private static Long parseId(String text) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            return text.startsWith("-") && text.length() > 1 && text.substring(1).chars().allMatch(Character::isDigit)
                    ? -1L : null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static int checkRange(long id) throws UnknownUserException {
        if (id < 0 || id > MAX_ID) {
            throw new UnknownUserException("uids and gids must be in range 0-" + MAX_ID);
        }
        return (int) id;
    }
}
