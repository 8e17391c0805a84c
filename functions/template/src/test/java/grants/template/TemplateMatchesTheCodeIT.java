package grants.template;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * template.yaml against the built function jars (after {@code package}): for every function, the
 * jar its CodeUri names is built by a module and holds its handler; every environment variable its
 * code reads is set; its policies reach only the resources it uses, never {@code *}; its routes and
 * the handler's agree; and each of its events/ files reads into the handler's input type.
 */
class TemplateMatchesTheCodeIT {

    /** Set by Lambda itself, not by the template. */
    private static final Set<String> SET_BY_LAMBDA = Set.of("AWS_REGION");

    @TestFactory
    Stream<DynamicTest> everyFunction() {
        List<DynamicTest> tests = new ArrayList<>();
        Template.functions().forEach((id, function) -> {
            tests.add(dynamicTest(id + ": CodeUri is the jar its module builds", () -> codeUriIsBuilt(function)));
            tests.add(dynamicTest(id + ": Handler exists in that jar", () -> handlerClass(function)));
            tests.add(dynamicTest(id + ": environment variables the code reads are set", () -> environmentIsSet(function)));
            tests.add(dynamicTest(id + ": policies reach only what it uses, never *", () -> policiesAreLeast(id, function)));
            tests.add(dynamicTest(id + ": routes of template and handler agree", () -> routesAgree(function)));
            tests.add(dynamicTest(id + ": events/ files read into the handler's input", () -> eventsDeserialize(function)));
            tests.add(dynamicTest(id + ": the handler primes itself for SnapStart", () -> primesForSnapStart(function)));
        });
        return tests.stream();
    }

    private static void codeUriIsBuilt(JsonNode function) throws IOException {
        String module = Template.moduleOf(function);
        Path pom = Template.ROOT.resolve("functions").resolve(module).resolve("pom.xml");
        assertThat(pom).exists();
        assertThat(Files.readString(pom)).contains("<finalName>" + module + "</finalName>");
        assertThat(Template.ROOT.resolve(function.get("CodeUri").asText())).isRegularFile();
    }

    private static Class<?> handlerClass(JsonNode function) throws Exception {
        String[] handler = function.get("Handler").asText().split("::");
        URL jar = Template.ROOT.resolve(function.get("CodeUri").asText()).toUri().toURL();
        // Only the jar and the JDK: the jar must carry everything its handler needs.
        ClassLoader loader = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        Class<?> type = Class.forName(handler[0], false, loader);
        assertThat(Stream.of(type.getMethods()).filter(m -> m.getName().equals(handler[1]))
                .anyMatch(m -> m.getParameterCount() == 2 && m.getParameterTypes()[1].getName()
                        .equals(Context.class.getName()))).as(handler[1] + "(input, Context)").isTrue();
        assertThat(type.getConstructor()).as("a public no-argument constructor for Lambda").isNotNull();
        return type;
    }

    /** SnapStart calls {@code beforeCheckpoint} of each registered {@code org.crac.Resource} before the snapshot. */
    private static void primesForSnapStart(JsonNode function) throws Exception {
        Class<?> handler = handlerClass(function);
        assertThat(Stream.of(handler.getInterfaces()).map(Class::getName)).as(handler.getName())
                .contains("org.crac.Resource");
        assertThat(handler.getMethod("beforeCheckpoint", Class.forName("org.crac.Context", false, handler.getClassLoader())))
                .isNotNull();
    }

    /** Every handler lists the settings its wiring reads in {@code SETTINGS}. */
    @SuppressWarnings("unchecked")
    private static void environmentIsSet(JsonNode function) throws Exception {
        Field settings = handlerClass(function).getField("SETTINGS");
        Set<String> read = new TreeSet<>((List<String>) settings.get(null));
        assertThat(read).as("the handler declares what it reads").isNotEmpty();
        read.removeAll(SET_BY_LAMBDA);
        assertThat(Template.environment(function)).containsAll(read);
    }

    private static void policiesAreLeast(String id, JsonNode function) {
        Set<String> used = new TreeSet<>(Template.referencedResources(function.path("Environment")));
        used.addAll(Template.referencedResources(function.path("Events")));
        for (JsonNode policy : function.path("Policies")) {
            assertThat(Template.referencedResources(policy)).as(id + " policy reaches").isSubsetOf(used);
            policy.findValues("Resource").forEach(resource -> {
                List<JsonNode> values = new ArrayList<>();
                if (resource.isArray()) {
                    resource.forEach(values::add);
                } else {
                    values.add(resource);
                }
                values.forEach(value -> assertThat(value.isTextual() && value.asText().equals("*"))
                        .as(id + " policy resource *").isFalse());
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static void routesAgree(JsonNode function) throws Exception {
        Set<String> declared = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        function.path("Events").forEach(event -> {
            if (event.get("Type").asText().equals("HttpApi")) {
                String route = event.get("Properties").get("Method").asText() + " " + event.get("Properties").get("Path").asText();
                declared.add(route);
                if (event.get("Properties").path("Auth").path("Authorizer").asText().equals("NONE")) {
                    open.add(route);
                }
            }
        });
        List<String> publicRoutes;
        try {
            publicRoutes = (List<String>) handlerClass(function).getField("PUBLIC_ROUTES").get(null);
        } catch (NoSuchFieldException noneArePublic) {
            publicRoutes = List.of();
        }
        assertThat(open).as("routes open without a token are the handler's public ones")
                .containsExactlyInAnyOrderElementsOf(publicRoutes);
        Field routes;
        try {
            routes = handlerClass(function).getField("ROUTES");
        } catch (NoSuchFieldException servesNoRoutes) {
            assertThat(declared).as("routes for a handler that serves none").isEmpty();
            return;
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf((List<String>) routes.get(null));
    }

    private static void eventsDeserialize(JsonNode function) throws Exception {
        Path folder = Template.ROOT.resolve("events").resolve(Template.moduleOf(function));
        List<Path> events;
        try (Stream<Path> files = Files.list(folder)) {
            events = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(events).as("sample events in " + folder).isNotEmpty();
        Type declared = inputType(handlerClass(function));
        Class<?> input = declared instanceof ParameterizedType generic ? (Class<?>) generic.getRawType() // a Map of the schedule's input
                : Class.forName(declared.getTypeName());
        for (Path event : events) {
            assertThat(EventLoader.loadEvent(event.toString(), input)).as(event.toString()).isNotNull();
        }
    }

    private static Type inputType(Class<?> handler) {
        for (Type type : handler.getGenericInterfaces()) {
            if (type instanceof ParameterizedType parameterized
                    && parameterized.getRawType().getTypeName().endsWith("RequestHandler")) {
                return parameterized.getActualTypeArguments()[0];
            }
        }
        throw new AssertionError(handler + " does not implement RequestHandler<I, O>");
    }
}
