package org.incidentplatform.notification;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** Spring Data's mapping of entities, as Spring Boot sets it up, to hold hand-written documents to its shape. */
public final class SpringDataMapping {

    private static final MappingMongoConverter CONVERTER = converter();

    private SpringDataMapping() {
    }

    /** The document Spring Data writes for the entity, without its type hint. */
    public static Document written(Object entity) {
        Document document = new Document();
        CONVERTER.write(entity, document);
        document.remove("_class");
        return document;
    }

    public static <T> T read(Class<T> type, Document document) {
        return CONVERTER.read(type, document);
    }

    private static MappingMongoConverter converter() {
        // The store's simple types (instants among them) are not entities, as in the application.
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
