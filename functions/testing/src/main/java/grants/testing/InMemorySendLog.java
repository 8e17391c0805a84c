package grants.testing;

import grants.core.mail.SendLog;

import java.util.HashMap;
import java.util.Map;

/** {@link SendLog} in memory: a key is claimed once, and a released claim may be claimed again. */
public final class InMemorySendLog implements SendLog {

    private final Map<String, String> states = new HashMap<>();

    @Override
    public synchronized Claim claim(String key) {
        String earlier = states.putIfAbsent(key, "CLAIMED");
        if (earlier == null) {
            return Claim.CLAIMED;
        }
        return earlier.startsWith("SENT") ? Claim.SENT_BEFORE : Claim.HELD_ELSEWHERE;
    }

    /** Another attempt holding the key, as one that died mid-send leaves it. */
    public synchronized void heldElsewhere(String key) {
        states.put(key, "CLAIMED");
    }

    @Override
    public synchronized void sent(String key, String messageId) {
        states.put(key, "SENT " + messageId);
    }

    @Override
    public synchronized void release(String key) {
        states.remove(key, "CLAIMED");
    }
}
