package org.incidentplatform.embedded;

/**
 * One Kafka broker and one in-memory MongoDB server per test JVM, started on first use.
 *
 * <p>Starting a broker costs seconds, so every test class in a module shares this pair and
 * keeps its data apart with its own topic names, consumer groups and database names. Neither is
 * stopped explicitly: stopping the broker while cached Spring contexts still hold clients only
 * makes them wait for timeouts at JVM exit, and the JVM's end releases both anyway.
 */
public final class SharedInfrastructure {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedMongoServer mongo;

    private SharedInfrastructure() {
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafkaBroker.temporary().start();
        }
        return kafka;
    }

    public static synchronized EmbeddedMongoServer mongo() {
        if (mongo == null) {
            mongo = EmbeddedMongoServer.inMemory().start();
        }
        return mongo;
    }
}
