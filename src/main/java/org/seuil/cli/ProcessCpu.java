package org.seuil.cli;

import java.lang.management.ManagementFactory;

/**
 * The CPU time of this whole process, all threads: on 2 shared cores the wall-clock times of a
 * benchmark say more about the other processes than about Seuil, the CPU time is steadier.
 */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /** Nanoseconds of CPU used so far; 0 on a JVM that does not tell. */
    static long nanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
