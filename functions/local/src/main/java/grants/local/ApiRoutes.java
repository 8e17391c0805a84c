package grants.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matches a method and a path to a route key of the HTTP API, with its path parameters, as API Gateway does. */
final class ApiRoutes {

    /** A matched route: its key and the values of its {parameters}. */
    record Match(String routeKey, Map<String, String> pathParameters) {
    }

    private record Route(String key, String method, Pattern path, List<String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    ApiRoutes(List<String> routeKeys) {
        for (String key : routeKeys) {
            String[] methodAndPath = key.split(" ", 2);
            List<String> parameters = new ArrayList<>();
            Matcher names = Pattern.compile("\\{([A-Za-z]+)}").matcher(methodAndPath[1]);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (names.find()) {
                regex.append(Pattern.quote(methodAndPath[1].substring(last, names.start()))).append("([^/]+)");
                parameters.add(names.group(1));
                last = names.end();
            }
            regex.append(Pattern.quote(methodAndPath[1].substring(last)));
            routes.add(new Route(key, methodAndPath[0], Pattern.compile(regex.toString()), parameters));
        }
    }

    Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (route.method().equals(method) && matcher.matches()) {
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < route.parameters().size(); i++) {
                    values.put(route.parameters().get(i), java.net.URLDecoder.decode(matcher.group(i + 1),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
                return Optional.of(new Match(route.key(), values));
            }
        }
        return Optional.empty();
    }
}
