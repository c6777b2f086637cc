package org.leakbench.defense.secagg;

import java.util.List;

/**
 * The network between clients and server. Every message in either direction passes through it; it may deliver
 * the message, lose it (empty list), alter it or add others (a replay, a forgery). Tests use it to inject bad
 * input; {@link #DIRECT} delivers everything unchanged.
 */
@FunctionalInterface
public interface Channel {
    Channel DIRECT = List::of;

    List<SecAggMessage> transmit(SecAggMessage message);
}
