package org.incidentplatform.strictjson;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A string or object key that breaks the {@link TextRules}; Jackson adds the path to the field. */
public class UnacceptableTextException extends MismatchedInputException {

    UnacceptableTextException(JsonParser parser, String message) {
        super(parser, message);
    }
}
