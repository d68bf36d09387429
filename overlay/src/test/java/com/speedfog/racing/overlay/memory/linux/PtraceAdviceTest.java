package com.speedfog.racing.overlay.memory.linux;

import com.speedfog.racing.overlay.memory.AccessDeniedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PtraceAdviceTest {

    @Test
    void tellsThePlayerWhatToDo() {
        String message = PtraceAdvice.message(4321, "process_vm_readv: EPERM", "1");

        assertThat(message)
                .contains("pid 4321")
                .contains("same user as the game")
                .contains("sudo sysctl kernel.yama.ptrace_scope=0")
                .contains("kernel.yama.ptrace_scope is currently 1")
                .contains("cap_sys_ptrace");
    }

    @Test
    void isAnAccessDeniedError() {
        AccessDeniedException refused = PtraceAdvice.refused(77, "opening /proc/77/mem: permission denied");

        assertThat(refused.getMessage()).contains("pid 77: opening /proc/77/mem: permission denied").contains("ptrace_scope");
    }
}
