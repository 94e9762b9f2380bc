package io.github.wechatpaycomplaint.aot;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection hints for every type Jackson reads or writes for the starter: the model
 * records (answers, requests, nested records), their open enums and creators, and the
 * internal wire records. {@link BindingReflectionHintsRegistrar} registers each type's
 * constructors, record accessors, Jackson-annotated members and the classes its
 * annotations name (the snake-case naming strategy), and follows the property types to
 * the nested records.
 */
class JacksonBindingRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		Type[] types = JacksonBoundTypes.find(classLoader).toArray(Type[]::new);
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), types);
	}

}
