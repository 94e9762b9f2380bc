package io.github.wechatpaycomplaint.aot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateTrust;
import io.github.wechatpaycomplaint.deadline.store.JdbcComplaintLedger;
import io.github.wechatpaycomplaint.notification.inbox.JdbcNotificationInbox;
import io.github.wechatpaycomplaint.notification.store.JdbcDeduplicationSchema;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file the starter ships besides its classes and Spring's own metadata is covered
 * by a resource hint, so that a native image can read it; the list is read from the
 * starter's classes directory, so a new bundled file without a hint fails this test.
 */
class BundledResourcesRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	BundledResourcesRuntimeHintsTests() {
		new BundledResourcesRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void everyBundledFileTheStarterReadsHasAResourceHint() throws IOException {
		List<String> bundled = bundledFiles();
		assertThat(bundled).contains(PlatformCertificateTrust.TENPAY_ROOT_CA_RESOURCE,
				JdbcDeduplicationSchema.scriptLocation("PostgreSQL"), JdbcDeduplicationSchema.scriptLocation("MariaDB"),
				JdbcDeduplicationSchema.scriptLocation("H2"),
				JdbcDeduplicationSchema.scriptLocation(JdbcNotificationInbox.SCRIPT_DIRECTORY, "PostgreSQL"),
				JdbcDeduplicationSchema.scriptLocation(JdbcNotificationInbox.SCRIPT_DIRECTORY, "MariaDB"),
				JdbcDeduplicationSchema.scriptLocation(JdbcNotificationInbox.SCRIPT_DIRECTORY, "H2"),
				JdbcDeduplicationSchema.scriptLocation(JdbcComplaintLedger.SCRIPT_DIRECTORY, "PostgreSQL"),
				JdbcDeduplicationSchema.scriptLocation(JdbcComplaintLedger.SCRIPT_DIRECTORY, "MariaDB"),
				JdbcDeduplicationSchema.scriptLocation(JdbcComplaintLedger.SCRIPT_DIRECTORY, "H2"),
				BundledResourcesRuntimeHints.VERSION);
		assertThat(bundled).allSatisfy(
				(path) -> assertThat(RuntimeHintsPredicates.resource().forResource(path)).as(path).accepts(this.hints));
	}

	@Test
	void otherFilesAreNotIncluded() {
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("io/github/wechatpaycomplaint/notification/store/drop-everything.sql")).rejects(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("application.yml")).rejects(this.hints);
	}

	// The starter's resources: its own files under its package, and its META-INF files
	// other than Spring's (auto-configuration imports, factories, configuration
	// metadata).
	private static List<String> bundledFiles() throws IOException {
		String classFile = ClassUtils.getClassFileName(BundledResourcesRuntimeHints.class);
		String ownLocation = BundledResourcesRuntimeHints.class.getResource(classFile).toString();
		String root = ownLocation.substring(0, ownLocation.length()
				- ClassUtils.convertClassNameToResourcePath(BundledResourcesRuntimeHints.class.getName()).length()
				- ".class".length());
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<String> files = new ArrayList<>();
		for (String pattern : List.of("io/github/wechatpaycomplaint/**/*", "META-INF/*")) {
			for (Resource resource : resolver.getResources(root + pattern)) {
				String path = resource.getURL().toString().substring(root.length());
				if (resource.isReadable() && !path.endsWith("/") && !path.endsWith(".class")
						&& !path.startsWith("META-INF/spring") && !path.startsWith("META-INF/additional-spring")) {
					files.add(path);
				}
			}
		}
		return files;
	}

}
