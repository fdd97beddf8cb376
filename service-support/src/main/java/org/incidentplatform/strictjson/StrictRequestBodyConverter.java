package org.incidentplatform.strictjson;

import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The application's JSON converter, with every request body read as {@link UntrustedInput}. */
class StrictRequestBodyConverter extends JacksonJsonHttpMessageConverter {

    StrictRequestBodyConverter(JsonMapper json) {
        super(json);
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
        return UntrustedInput.mark(super.customizeReader(reader, javaType));
    }
}
