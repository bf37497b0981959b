package dev.wharf.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessTableTest {

    @Test
    void keepsTheContainersRowsWithTheCommandInOneCell() throws Exception {
        String ps = """
                UID          PID    PPID  C STIME TTY          TIME CMD
                root           1       0  0 10:00 ?        00:00:01 /sbin/init
                root         100      90  0 10:01 ?        00:00:00 sh -c sleep 300 & wait
                root         101     100  0 10:01 ?        00:00:00 sleep 300
                """;
        var table = ProcessTable.parse(ps, Set.of(100, 101));
        assertThat(table.titles()).containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
        assertThat(table.processes()).containsExactly(
                List.of("root", "100", "90", "0", "10:01", "?", "00:00:00", "sh -c sleep 300 & wait"),
                List.of("root", "101", "100", "0", "10:01", "?", "00:00:00", "sleep 300"));
    }

    @Test
    void threadRowsFollowTheirProcess() throws Exception {
        String ps = """
                  PID TTY      STAT   TIME COMMAND
                    7 ?        -      0:00 outside
                    - -        Sl     0:00 -
                  100 ?        -      0:00 inside
                    - -        Sl     0:00 -
                """;
        var table = ProcessTable.parse(ps, Set.of(100));
        assertThat(table.processes()).extracting(row -> row.getFirst()).containsExactly("100", "-");
    }
}
