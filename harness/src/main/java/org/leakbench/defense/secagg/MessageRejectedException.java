package org.leakbench.defense.secagg;

/**
 * One message was refused (wrong length, unknown or duplicate sender, wrong round or session, failed
 * authentication). The protocol records the reason and goes on without that message; the sender is then
 * treated as dropped for the round.
 */
public class MessageRejectedException extends RuntimeException {
    private final int sender;
    private final Round round;

    public MessageRejectedException(int sender, Round round, String reason) {
        super("rejected message from client " + sender + " in round " + round + ": " + reason);
        this.sender = sender;
        this.round = round;
    }

    public int sender() {
        return sender;
    }

    public Round round() {
        return round;
    }
}
