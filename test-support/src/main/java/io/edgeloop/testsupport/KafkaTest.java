package io.edgeloop.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against one real embedded Kafka broker with every catalog topic;
 * test methods (and {@code @BeforeAll}/{@code @BeforeEach} methods) take a
 * {@link KafkaTestContext} parameter. Shorthand for
 * {@code @ExtendWith(KafkaBrokerExtension.class)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaBrokerExtension.class)
public @interface KafkaTest {
}
