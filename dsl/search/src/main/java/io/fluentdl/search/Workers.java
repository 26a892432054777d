package io.fluentdl.search;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** How a process names itself in a shared study: host:pid, as in Optuna's and Ray's trial tables. */
final class Workers {

    private Workers() {
    }

    static String thisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return String.format("%s:%d", host, ProcessHandle.current().pid());
    }
}
