package grants.testing;

import grants.core.notices.Bulletin;
import grants.core.notices.BulletinStore;
import grants.core.notices.Letter;
import grants.core.notices.LetterStore;
import grants.core.notices.Notice;
import grants.core.notices.NoticeState;
import grants.core.notices.NoticeStore;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@link NoticeStore} and {@link BulletinStore} in memory; every state change only from the state it expects. */
public final class InMemoryNoticeStore implements NoticeStore, BulletinStore, LetterStore {

    private final Map<String, TreeMap<String, Notice>> notices = new HashMap<>();
    private final Map<String, Notice> byMessageId = new HashMap<>();
    private final Map<String, String> suppressed = new HashMap<>();
    private final Map<String, Bulletin> bulletins = new HashMap<>();
    private final Map<String, Letter> letters = new HashMap<>();

    @Override
    public synchronized boolean create(Notice notice) {
        return notices.computeIfAbsent(notice.programmeId(), id -> new TreeMap<>()).putIfAbsent(notice.key(), notice) == null;
    }

    @Override
    public synchronized Optional<Notice> get(String programmeId, String key) {
        return Optional.ofNullable(notices.getOrDefault(programmeId, new TreeMap<>()).get(key));
    }

    @Override
    public synchronized List<Notice> withPrefix(String programmeId, String keyPrefix) {
        return notices.getOrDefault(programmeId, new TreeMap<>()).values().stream()
                .filter(notice -> notice.key().startsWith(keyPrefix)).toList();
    }

    @Override
    public synchronized boolean claim(String programmeId, String key) {
        return move(programmeId, key, NoticeState.QUEUED, NoticeState.SENDING, null, null, List.of());
    }

    @Override
    public synchronized void sent(String programmeId, String key, String messageId, List<String> suppressedAddresses) {
        if (move(programmeId, key, NoticeState.SENDING, NoticeState.SENT, messageId, null, suppressedAddresses)) {
            byMessageId.put(messageId, get(programmeId, key).orElseThrow());
        }
    }

    @Override
    public synchronized void release(String programmeId, String key, String reason) {
        move(programmeId, key, NoticeState.SENDING, NoticeState.QUEUED, null, "will retry: " + reason, List.of());
    }

    @Override
    public synchronized void failed(String programmeId, String key, String reason) {
        move(programmeId, key, NoticeState.SENDING, NoticeState.FAILED, null, reason, List.of());
    }

    @Override
    public synchronized Optional<Notice> byMessageId(String messageId) {
        return Optional.ofNullable(byMessageId.get(messageId)).flatMap(notice -> get(notice.programmeId(), notice.key()));
    }

    @Override
    public synchronized void feedback(String programmeId, String key, NoticeState state, String reason) {
        move(programmeId, key, NoticeState.SENT, state, null, reason, List.of());
    }

    @Override
    public synchronized void suppress(String address, String reason) {
        suppressed.put(address.toLowerCase(Locale.ROOT), reason);
    }

    @Override
    public synchronized Set<String> suppressed(Collection<String> addresses) {
        Set<String> found = new TreeSet<>();
        addresses.stream().filter(address -> suppressed.containsKey(address.toLowerCase(Locale.ROOT))).forEach(found::add);
        return found;
    }

    @Override
    public synchronized boolean createBulletin(Bulletin bulletin) {
        return bulletins.putIfAbsent(bulletin.programmeId() + "/" + bulletin.bulletinId(), bulletin) == null;
    }

    @Override
    public synchronized Optional<Bulletin> bulletin(String programmeId, String bulletinId) {
        return Optional.ofNullable(bulletins.get(programmeId + "/" + bulletinId));
    }

    private boolean move(String programmeId, String key, NoticeState from, NoticeState to, String messageId, String reason,
                         List<String> suppressedAddresses) {
        Optional<Notice> current = get(programmeId, key);
        if (current.isEmpty() || current.get().state() != from) {
            return false;
        }
        Notice n = current.get();
        notices.get(programmeId).put(key, new Notice(n.programmeId(), n.key(), n.kind(), n.runId(), n.partnershipId(),
                n.contentId(), n.recipients(), to, messageId != null ? messageId : n.messageId(),
                to == NoticeState.SENT ? null : reason, to == NoticeState.SENT ? suppressedAddresses : n.suppressed(),
                n.updatedAt()));
        return true;
    }

    @Override
    public synchronized void putLetter(String programmeId, String letterId, Letter letter) {
        letters.putIfAbsent(programmeId + "/" + letterId, letter);
    }

    @Override
    public synchronized Optional<Letter> letter(String programmeId, String letterId) {
        return Optional.ofNullable(letters.get(programmeId + "/" + letterId));
    }
}
