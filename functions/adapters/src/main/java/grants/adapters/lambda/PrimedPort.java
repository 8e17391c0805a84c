package grants.adapters.lambda;

import grants.adapters.aws.Unsent;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A function's real adapter, as SnapStart's deeper priming lets a use case run through it to the end. Each call
 * it names goes to the real adapter inside {@link Unsent#run}, so the request is built, marshalled and signed and
 * never sent, and is then answered in memory: a read with what a representative record would find, a write as if
 * written, so the use case goes on to its next call. Any other call is refused, so priming can never read, send
 * or write what it did not plan to.
 *
 * @param <T> the port (an interface of the core) the real adapter implements
 */
public final class PrimedPort<T> {

    private final Class<T> port;
    private final T real;
    /** Each call primed, by its name, or its name and parameter count ("rows/2") where the port overloads it. */
    private final Map<String, Function<Object[], Object>> answers = new HashMap<>();

    private PrimedPort(Class<T> port, T real) {
        this.port = port;
        this.real = real;
    }

    public static <T> PrimedPort<T> of(Class<T> port, T real) {
        return new PrimedPort<>(port, real);
    }

    /** The read {@code method} signed unsent by the real adapter, then answered from its arguments. */
    public PrimedPort<T> reads(String method, Function<Object[], Object> answer) {
        return answer(method, answer);
    }

    /** {@link #reads} of the overload of {@code method} with {@code parameters} parameters; the others are refused. */
    public PrimedPort<T> reads(String method, int parameters, Function<Object[], Object> answer) {
        return answer(method + "/" + parameters, answer);
    }

    /**
     * The write {@code method} signed unsent by the real adapter, then answered from its arguments as if
     * written (where the answer may also keep what was written, for the reads after it).
     */
    public PrimedPort<T> writes(String method, Function<Object[], Object> written) {
        return answer(method, written);
    }

    private PrimedPort<T> answer(String call, Function<Object[], Object> answer) {
        if (answers.putIfAbsent(call, answer) != null) {
            throw new IllegalStateException(port.getSimpleName() + "." + call + " is primed twice");
        }
        String name = call.contains("/") ? call.substring(0, call.indexOf('/')) : call;
        if (!call.contains("/") && Arrays.stream(port.getMethods()).filter(m -> m.getName().equals(name)).count() > 1) {
            // One answer for every overload could answer a paged read with everything, again and again.
            throw new IllegalStateException(port.getSimpleName() + "." + name + " is overloaded: prime it by its"
                    + " parameter count");
        }
        return this;
    }

    /** @param stopped where each request stopped unsent is listed ("DynamoDb.TransactWriteItems, signed") */
    public T build(List<String> stopped) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object[] arguments = args == null ? new Object[0] : args;
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "primed " + port.getSimpleName();
                };
            }
            Function<Object[], Object> answer = answers.getOrDefault(name + "/" + method.getParameterCount(),
                    answers.get(name));
            if (answer != null) {
                stopped.addAll(Unsent.run(() -> invoke(method, arguments)));
                return answer.apply(arguments);
            }
            if (method.isDefault()) { // made of the port's other calls, primed or refused each as they are
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException(port.getSimpleName() + "." + name + " is not primed");
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, handler));
    }

    /** The requests stopped, each operation once with how many times it was stopped ("3 × DynamoDb.Query, signed"). */
    public static List<String> counted(List<String> stopped) {
        Map<String, Long> counts = new LinkedHashMap<>();
        stopped.forEach(operation -> counts.merge(operation, 1L, Long::sum));
        return counts.entrySet().stream().map(count -> count.getValue() + " × " + count.getKey()).toList();
    }

    private void invoke(Method method, Object[] arguments) {
        try {
            method.invoke(real, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
