package dev.parley.http;

import dev.parley.errors.CommonErrors;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * Mends what Payara 6.2025.10's MicroProfile OpenAPI writes from the annotations (no Payara issue
 * found; each line here can go once /openapi shows the gap gone without it):
 * <ul>
 * <li>every unset {@code @Schema} and {@code @Parameter} attribute is copied as its default, such as
 * {@code maxProperties: 0} (which would say an object has no properties) or {@code required: false}
 * on a path parameter (which OpenAPI forbids);</li>
 * <li>{@code type = INTEGER} on a {@code long} comes out as {@code number}, so int32/int64 are typed
 * back to integers;</li>
 * <li>an {@code @ExampleObject} value stays a string of JSON instead of the JSON it spells.</li>
 * </ul>
 * Last, it adds each operation's long description ({@link OperationDescriptions}) and the error
 * responses every operation of a kind shares ({@link CommonErrors}).
 */
public class OpenApiFilter implements OASFilter {

    /**
     * MicroProfile OpenAPI 4 (WildFly) changed some of these methods' types (exclusive bounds are
     * numbers, the type a list) and its writer needs none of these mends: they stop at the first
     * method this API version does not have.
     */
    private static volatile boolean otherModel;

    @Override
    public Schema filterSchema(Schema schema) {
        if (otherModel) return schema;
        try {
            mend(schema);
        } catch (LinkageError e) {
            otherModel = true;
        }
        return schema;
    }

    private static void mend(Schema schema) {
        if (isZero(schema.getMaxProperties())) schema.setMaxProperties(null);
        if (isZero(schema.getMinProperties())) schema.setMinProperties(null);
        if (isZero(schema.getMinLength())) schema.setMinLength(null);
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) schema.setExclusiveMaximum(null);
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) schema.setExclusiveMinimum(null);
        if (Boolean.FALSE.equals(schema.getUniqueItems())) schema.setUniqueItems(null);
        if (Boolean.FALSE.equals(schema.getNullable())) schema.setNullable(null);
        if (Boolean.FALSE.equals(schema.getReadOnly())) schema.setReadOnly(null);
        if (Boolean.FALSE.equals(schema.getWriteOnly())) schema.setWriteOnly(null);
        if (Boolean.FALSE.equals(schema.getDeprecated())) schema.setDeprecated(null);
        if ("int64".equals(schema.getFormat()) || "int32".equals(schema.getFormat())) {
            schema.setType(Schema.SchemaType.INTEGER);
            if (schema.getExample() instanceof String example) schema.setExample(new BigDecimal(example).longValueExact());
        }
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (Boolean.FALSE.equals(operation.getDeprecated())) operation.setDeprecated(null);
        return operation;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.PATH) parameter.setRequired(true);
        if (Boolean.FALSE.equals(parameter.getRequired())) parameter.setRequired(null);
        if (Boolean.FALSE.equals(parameter.getDeprecated())) parameter.setDeprecated(null);
        if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) parameter.setAllowEmptyValue(null);
        if (Boolean.FALSE.equals(parameter.getAllowReserved())) parameter.setAllowReserved(null);
        return parameter;
    }

    @Override
    public RequestBody filterRequestBody(RequestBody body) {
        Content content = body.getContent();
        if (content == null || content.getMediaTypes() == null) return body;
        content.getMediaTypes().forEach((type, media) -> {
            if (!type.contains("json") || media.getExamples() == null) return;
            media.getExamples().values().forEach(example -> {
                if (example.getValue() instanceof String json) example.setValue(Json.JSONB.fromJson(json, Map.class));
            });
        });
        return body;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        OperationDescriptions.add(openAPI);
        CommonErrors.document(openAPI);
    }

    private static boolean isZero(Integer value) {
        return value != null && value == 0;
    }
}
