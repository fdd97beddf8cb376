package org.incidentplatform.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
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

    /**
     * Holds a hand-written mapping to Spring Data's: the hand-written document is the one Spring
     * Data writes, and each side reads what the other wrote back into the same entity.
     */
    @SuppressWarnings("unchecked")
    public static <T> void assertSameShape(T entity, Function<T, Document> write, Function<Document, T> read) {
        Document bySpring = written(entity);
        Document byHand = write.apply(entity);
        assertThat(byHand).as("written by hand").isEqualTo(bySpring);
        assertThat(read.apply(bySpring)).as("read by hand").isEqualTo(entity);
        assertThat(read((Class<T>) entity.getClass(), byHand)).as("read by Spring Data").isEqualTo(entity);
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
