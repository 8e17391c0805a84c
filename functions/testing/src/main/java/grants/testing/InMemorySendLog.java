package grants.testing;

import grants.core.mail.SendLog;

import java.util.HashMap;
import java.util.Map;

/** {@link SendLog} in memory: a key is claimed once, and a released claim may be claimed again. */
public final class InMemorySendLog implements SendLog {

    private final Map<String, String> states = new HashMap<>();

    @Override
    public synchronized boolean claim(String key) {
        return states.putIfAbsent(key, "CLAIMED") == null;
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
