package grants.policycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation template written in YAML, turning the short intrinsic tags into the long
 * forms CloudFormation itself uses: {@code !Ref X} into {"Ref": "X"}, {@code !GetAtt X.Arn} into
 * {"Fn::GetAtt": ["X", "Arn"]}, {@code !Sub s} into {"Fn::Sub": s}, and so on.
 */
public final class CloudFormationYaml extends SafeConstructor {

    private static final List<String> FUNCTIONS = List.of("Ref", "GetAtt", "Sub", "Join", "Select", "Split", "If",
            "Equals", "Not", "And", "Or", "FindInMap", "Base64", "Cidr", "ImportValue", "GetAZs", "Condition");

    private CloudFormationYaml() {
        super(new LoaderOptions());
        for (String function : FUNCTIONS) {
            yamlConstructors.put(new Tag("!" + function), new Intrinsic(function));
        }
    }

    /** A property CloudFormation takes as one value or a list of them, as a list. */
    public static List<String> values(JsonNode node) {
        List<String> values = new java.util.ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    public static JsonNode read(Path template) {
        try (Reader reader = Files.newBufferedReader(template)) {
            Object document = new Yaml(new CloudFormationYaml()).load(reader);
            return new ObjectMapper().valueToTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Intrinsic extends AbstractConstruct {

        private final String function;

        Intrinsic(String function) {
            this.function = function;
        }

        @Override
        public Object construct(Node node) {
            Object value;
            if (node instanceof ScalarNode scalar) {
                value = constructScalar(scalar);
            } else if (node instanceof SequenceNode sequence) {
                value = constructSequence(sequence);
            } else {
                value = constructMapping((MappingNode) node);
            }
            return switch (function) {
                case "Ref", "Condition" -> Map.of(function, value);
                case "GetAtt" -> Map.of("Fn::GetAtt", value instanceof String dotted
                        ? List.of(dotted.split("\\.", 2)) : value);
                default -> Map.of("Fn::" + function, value);
            };
        }
    }
}
