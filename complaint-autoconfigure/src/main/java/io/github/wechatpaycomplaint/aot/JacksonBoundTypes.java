package io.github.wechatpaycomplaint.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * Finds the starter's classes that Jackson binds: those with a Jackson annotation on the
 * class or on one of its fields, methods, constructors or parameters (a record's
 * component annotations land on its accessors and constructor). Only the starter's own
 * jar (or classes directory) is read, never the application's classes in the same
 * package.
 */
final class JacksonBoundTypes {

	/** Meta-annotation of Jackson's annotations, {@code tools.jackson.databind}'s too. */
	static final String JACKSON_ANNOTATION = "com.fasterxml.jackson.annotation.JacksonAnnotation";

	private static final String BASE_PACKAGE = "io.github.wechatpaycomplaint";

	private JacksonBoundTypes() {
	}

	/**
	 * The Jackson-bound classes of the starter.
	 * @param classLoader the class loader to load them with
	 * @return the classes, in class-file order
	 */
	static List<Class<?>> find(@Nullable ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		MetadataReaderFactory metadata = new CachingMetadataReaderFactory(resolver);
		List<Class<?>> types = new ArrayList<>();
		try {
			for (Resource resource : resolver.getResources(starterRoot() + "**/*.class")) {
				String className = metadata.getMetadataReader(resource).getClassMetadata().getClassName();
				Class<?> type = loadIfJacksonBound(className, classLoader);
				if (type != null) {
					types.add(type);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the starter's classes", ex);
		}
		return types;
	}

	// The location of the base package in the jar (or directory) that holds this class.
	private static String starterRoot() {
		String ownFile = ClassUtils.getClassFileName(JacksonBoundTypes.class);
		URL own = Objects.requireNonNull(JacksonBoundTypes.class.getResource(ownFile), ownFile);
		String ownLocation = own.toString();
		String ownPath = ClassUtils.convertClassNameToResourcePath(JacksonBoundTypes.class.getName()) + ".class";
		String root = ownLocation.substring(0, ownLocation.length() - ownPath.length());
		return root + ClassUtils.convertClassNameToResourcePath(BASE_PACKAGE) + "/";
	}

	private static @Nullable Class<?> loadIfJacksonBound(String className, @Nullable ClassLoader classLoader) {
		try {
			Class<?> type = ClassUtils.forName(className, classLoader);
			return isJacksonBound(type) ? type : null;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// A class needing an optional library that is absent: it binds nothing.
			return null;
		}
	}

	static boolean isJacksonBound(Class<?> type) {
		Stream<AnnotatedElement> members = Stream
			.of(type.getDeclaredFields(), type.getDeclaredMethods(), type.getDeclaredConstructors())
			.flatMap(Stream::of);
		Stream<AnnotatedElement> parameters = Stream
			.<Executable>concat(Stream.of(type.getDeclaredMethods()), Stream.of(type.getDeclaredConstructors()))
			.flatMap((executable) -> Stream.of(executable.getParameters()));
		return Stream.of(Stream.<AnnotatedElement>of(type), members, parameters)
			.flatMap((elements) -> elements)
			.anyMatch(JacksonBoundTypes::hasJacksonAnnotation);
	}

	private static boolean hasJacksonAnnotation(AnnotatedElement element) {
		return MergedAnnotations.from(element).stream(JACKSON_ANNOTATION).anyMatch(MergedAnnotation::isMetaPresent);
	}

}
