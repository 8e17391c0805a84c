package grants.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import grants.localaws.LocalLambdaContext;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a fresh JVM per measurement, as Lambda's runtime would: build the handler from its jar,
 * optionally prime it (what SnapStart's beforeCheckpoint does), read the event with the runtime's
 * own serializers and serve it. Prints the phases in milliseconds since the JVM started.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        Path event = Path.of(args[1]);
        boolean prime = args.length > 2 && args[2].equals("prime");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();

        Class<?> type = Class.forName(handlerClass);
        Object handler = type.getConstructor().newInstance();
        long built = System.currentTimeMillis();
        if (prime) {
            type.getMethod("beforeCheckpoint", org.crac.Context.class).invoke(handler, (Object) null);
        }
        long primed = System.currentTimeMillis();
        Class<?> input = inputType(type);
        Object request;
        try (InputStream in = Files.newInputStream(event)) {
            @SuppressWarnings("unchecked")
            PojoSerializer<Object> serializer = (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(input,
                    ColdStartProbe.class.getClassLoader());
            request = serializer.fromJson(in);
        }
        Method handle = type.getMethod("handleRequest", input, Context.class);
        long invokeStart = System.currentTimeMillis();
        handle.invoke(handler, request, new LocalLambdaContext("probe"));
        long served = System.currentTimeMillis();
        System.out.println("PROBE init=" + (built - jvmStart) + " prime=" + (primed - built) + " firstInvoke="
                + (served - invokeStart) + " total=" + (served - jvmStart));
        System.exit(0);
    }

    private static Class<?> inputType(Class<?> handler) throws ClassNotFoundException {
        for (Type type : handler.getGenericInterfaces()) {
            if (type instanceof ParameterizedType parameterized
                    && parameterized.getRawType().getTypeName().endsWith("RequestHandler")) {
                Type argument = parameterized.getActualTypeArguments()[0];
                return argument instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) argument;
            }
        }
        throw new IllegalArgumentException(handler + " is not a RequestHandler");
    }
}
