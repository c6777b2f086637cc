package org.leakbench.cli;

import org.leakbench.sweep.SystemInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code leakbench --version}. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"LeakBench " + SystemInfo.leakbenchVersion()};
    }
}
