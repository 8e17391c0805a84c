package grants.core.governance;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * G3 over random bodies and meetings: every conflicted member is counted out, whether they declared
 * or not; observers and absent members never count and are never conflicted; and the order in which
 * members and those present are listed changes nothing (G13).
 */
class QuorumPropertiesTest {

    private static final List<String> ORGANISATIONS = List.of("council", "nhs", "police", "housing");

    @Property(tries = 300)
    void quorumCountsEveryConflictedVotingMemberOut(@ForAll long seed) {
        Random random = new Random(seed);
        List<Body.Member> members = new ArrayList<>();
        int size = 1 + random.nextInt(9);
        for (int i = 0; i < size; i++) {
            Body.Role role = i == 0 ? Body.Role.CHAIR : random.nextInt(4) == 0 ? Body.Role.OBSERVER : Body.Role.MEMBER;
            members.add(new Body.Member("p" + i, role, random.nextBoolean()
                    ? Optional.of(ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()))) : Optional.empty()));
        }
        Body body = new Body("b", "A body", Body.Kind.BOARD, Optional.empty(), true, 1 + random.nextInt(5), members);
        List<String> present = new ArrayList<>(List.of("clerk"));
        members.stream().filter(m -> random.nextInt(3) > 0).forEach(m -> present.add(m.person()));
        Set<String> declared = new HashSet<>();
        present.stream().filter(p -> random.nextInt(4) == 0).forEach(declared::add);
        Optional<String> about = random.nextBoolean()
                ? Optional.of(ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()))) : Optional.of("ni-1");

        Quorum quorum = Quorum.of(body, new Meeting("b", LocalDate.of(2026, 1, 8), present), declared, about);

        int voting = 0;
        int counted = 0;
        for (Body.Member member : members) {
            if (member.role() == Body.Role.OBSERVER || !present.contains(member.person())) {
                assertThat(quorum.voting()).doesNotContain(member.person());
                assertThat(quorum.conflicted()).doesNotContain(member.person());
                continue;
            }
            voting++;
            boolean worksForIt = member.organisation().equals(about);
            boolean conflicted = declared.contains(member.person()) || worksForIt;
            counted += conflicted ? 0 : 1;
            assertThat(quorum.undeclared().contains(member.person()))
                    .isEqualTo(worksForIt && !declared.contains(member.person()));
        }
        assertThat(quorum.voting()).hasSize(voting);
        assertThat(quorum.quorateMembers()).isEqualTo(counted);
        assertThat(quorum.quorate()).isEqualTo(counted >= body.quorum());

        List<Body.Member> shuffledMembers = new ArrayList<>(members);
        Collections.shuffle(shuffledMembers, random);
        List<String> shuffledPresent = new ArrayList<>(present);
        Collections.shuffle(shuffledPresent, random);
        Body reordered = new Body("b", "A body", Body.Kind.BOARD, Optional.empty(), true, body.quorum(), shuffledMembers);
        assertThat(Quorum.of(reordered, new Meeting("b", LocalDate.of(2026, 1, 8), shuffledPresent), declared, about))
                .isEqualTo(quorum);
    }
}
