package grants.core.notices;

import java.util.Optional;

/** Bulletins as posted (outbound port), so that sending can render them and a repeated post is recognised. */
public interface BulletinStore {

    /** Creates the bulletin unless its id exists; true if this call created it. */
    boolean createBulletin(Bulletin bulletin);

    Optional<Bulletin> bulletin(String programmeId, String bulletinId);
}
