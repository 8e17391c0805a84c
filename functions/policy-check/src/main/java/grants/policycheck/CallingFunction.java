package grants.policycheck;

import java.net.URL;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;

/**
 * Which of the template's functions made a call: the first frame on the stack whose class is the
 * production code of a function's handler package ({@code grants.functions.rounds} for
 * CommissionRoundsFunction). Test classes in the same package are not the function: a test setting
 * up a table or reading back an object is not checked.
 *
 * <p>A thread a function's code starts (the export writes its files on threads of its own) makes its
 * calls as that function: each thread is told at its creation which function created it.
 */
final class CallingFunction {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private static final ClassValue<Boolean> TEST_CODE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            String path = location == null ? "" : location.getPath();
            return path.contains("/test-classes/") || path.endsWith("-tests.jar");
        }
    };

    private final Map<String, String> functionsByPackage;

    /** The function that started this thread, if one did; computed in the starting thread as the thread is made. */
    private final InheritableThreadLocal<String> startedBy = new InheritableThreadLocal<>() {
        @Override
        protected String initialValue() {
            return "";
        }

        @Override
        protected String childValue(String parentValue) {
            return onStack().orElse(parentValue);
        }
    };

    /** @param handlerPackages each function's logical id to its handler's package */
    CallingFunction(Map<String, String> handlerPackages) {
        this.functionsByPackage = handlerPackages.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey, (a, b) -> a));
        startedBy.get(); // the thread that builds the check (a test's) passes the question on to the threads it starts
    }

    /** Makes sure threads this thread starts learn their function; called on the test's own thread. */
    void watchThisThread() {
        startedBy.get();
    }

    Optional<String> current() {
        Optional<String> onStack = onStack();
        if (onStack.isPresent()) {
            return onStack;
        }
        String started = startedBy.get();
        return started.isEmpty() ? Optional.empty() : Optional.of(started);
    }

    private Optional<String> onStack() {
        return STACK.walk(frames -> frames
                .map(frame -> functionOf(frame.getDeclaringClass()))
                .filter(Optional::isPresent).map(Optional::get)
                .findFirst());
    }

    private Optional<String> functionOf(Class<?> type) {
        String name = type.getName();
        for (Map.Entry<String, String> handlerPackage : functionsByPackage.entrySet()) {
            if (name.startsWith(handlerPackage.getKey() + ".")) {
                return TEST_CODE.get(type) ? Optional.empty() : Optional.of(handlerPackage.getValue());
            }
        }
        return Optional.empty();
    }
}
