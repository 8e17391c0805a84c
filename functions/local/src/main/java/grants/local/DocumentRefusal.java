package grants.local;

import grants.core.errors.GrantsException;
import grants.core.errors.Problem;

import java.io.PrintStream;

/** How a command says a document was refused whole: the sentence, then each problem by its field; exit code 2. */
final class DocumentRefusal {

    private DocumentRefusal() {
    }

    static int print(PrintStream err, GrantsException refused) {
        err.println(refused.getMessage());
        for (Problem problem : refused.details()) {
            err.println("  " + problem.field() + ": " + problem.problem());
        }
        return AllocateCommand.BAD_INPUT;
    }
}
