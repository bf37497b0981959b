package dev.wharf.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeccompProfilesTest {
    private static final List<String> DEFAULT_CAPS = Capabilities.resolve(List.of(), List.of());

    private static List<OciSeccomp.Syscall> rulesFor(OciSeccomp profile, String name) {
        return profile.syscalls().stream().filter(rule -> rule.names().contains(name)).toList();
    }

    @Test
    void capSysAdminUnlocksMountAndAnUnfilteredClone() {
        var plain = SeccompProfiles.dockerDefault(DEFAULT_CAPS);
        assertThat(rulesFor(plain, "mount")).isEmpty();
        assertThat(rulesFor(plain, "clone")).singleElement().satisfies(rule -> assertThat(rule.args()).isNotEmpty());

        var caps = new ArrayList<>(DEFAULT_CAPS);
        caps.add("CAP_SYS_ADMIN");
        var admin = SeccompProfiles.dockerDefault(caps);
        assertThat(rulesFor(admin, "mount")).hasSize(1);
        assertThat(rulesFor(admin, "clone")).singleElement().satisfies(rule -> assertThat(rule.args()).isNull());
        assertThat(rulesFor(admin, "clone3")).singleElement().satisfies(rule -> assertThat(rule.action()).isEqualTo("SCMP_ACT_ALLOW"));
    }

    @Test
    void droppingSysChrootRemovesChroot() {
        var caps = Capabilities.resolve(List.of(), List.of("SYS_CHROOT"));
        assertThat(rulesFor(SeccompProfiles.dockerDefault(caps), "chroot")).isEmpty();
    }

    @Test
    void customProfilesInDockersFormat() {
        var profile = SeccompProfiles.custom("""
                {"defaultAction": "SCMP_ACT_ALLOW",
                 "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"]}],
                 "syscalls": [{"name": "mkdir", "action": "SCMP_ACT_ERRNO", "errnoRet": 13},
                              {"names": ["reboot"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_BOOT"]}}]}
                """, DEFAULT_CAPS);
        assertThat(profile.architectures()).containsExactly("SCMP_ARCH_X86_64", "SCMP_ARCH_X86");
        assertThat(profile.syscalls()).containsExactly(new OciSeccomp.Syscall(List.of("mkdir"), "SCMP_ACT_ERRNO", 13, null));
        assertThatThrownBy(() -> SeccompProfiles.custom("{", DEFAULT_CAPS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Decoding seccomp profile failed");
    }

    @Test
    void capabilityArithmeticIsDockers() {
        assertThat(Capabilities.resolve(List.of("net_admin"), List.of("ALL"))).containsExactly("CAP_NET_ADMIN");
        assertThat(Capabilities.resolve(List.of(), List.of("CAP_CHOWN"))).doesNotContain("CAP_CHOWN").contains("CAP_KILL");
        assertThatThrownBy(() -> Capabilities.resolve(List.of("BOGUS"), List.of()))
                .hasMessage("invalid CapAdd: unknown capability: \"CAP_BOGUS\"");
    }
}
