package io.github.wechatpaycomplaint.architecture;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.crypto.internal.RsaSigner;
import io.github.wechatpaycomplaint.crypto.internal.UntrustedText;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import io.github.wechatpaycomplaint.event.ComplaintEvent;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciledEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package structure, as executable rules over the shipped classes: what each package
 * may know of the others and of the frameworks, and the Spring Boot conventions every
 * auto-configuration follows.
 */
class ArchitectureTests {

	private static final String BASE = "io.github.wechatpaycomplaint";

	private static final JavaClasses SHIPPED = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

	@Test
	void packagesDoNotDependOnEachOtherInCycles() {
		slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(SHIPPED);
	}

	@Test
	void cryptoKnowsNothingOfSpringHttpOrJson() {
		classes().that()
			.resideInAPackage(BASE + ".crypto..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "javax.crypto..", "org.bouncycastle..", "org.jspecify..", BASE,
					BASE + ".crypto..")
			.because("signatures and encryption are checked against the official SDK's vectors without Spring")
			.check(SHIPPED);
	}

	@Test
	void noPublicSignatureExposesTheInternalCrypto() {
		publicSignaturesDoNotExposeTheInternalCrypto.check(SHIPPED);
	}

	@Test
	void modelsArePlainJacksonData() {
		classes().that()
			.resideInAPackage(BASE + ".model..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..", "tools.jackson..", "org.jspecify..",
					BASE, BASE + ".model..")
			.check(SHIPPED);
	}

	@Test
	void theCallbackSideNeedsNoClient() {
		noClasses().that()
			.resideInAPackage(BASE + ".notification..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BASE + ".client..", BASE + ".api..", BASE + ".resilience..", BASE + ".model..",
					BASE + ".reconciliation..")
			.because("notifications are verified, decrypted and published without calling WeChat Pay")
			.check(SHIPPED);
	}

	@Test
	void theEventParentKnowsNoFeature() {
		classes().that()
			.resideInAPackage(BASE + ".event..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.springframework.context..", "org.jspecify..", BASE + ".event..")
			.because("notifications and reconciliation both extend it, and neither may depend on the other")
			.check(SHIPPED);
	}

	@Test
	void everyEventIsANotificationOrAReconciliationEvent() {
		classes().that()
			.areAssignableTo(ComplaintEvent.class)
			.and()
			.doNotHaveFullyQualifiedName(ComplaintEvent.class.getName())
			.should()
			.beAssignableTo(ComplaintNotificationEvent.class)
			.orShould()
			.beAssignableTo(ComplaintReconciledEvent.class)
			.check(SHIPPED);
	}

	@Test
	void onlyTheAutoConfigurationKnowsTheProperties() {
		noClasses().that()
			.resideOutsideOfPackage(BASE + ".autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + ".autoconfigure..")
			.because("every other package is usable without Spring Boot's configuration binding")
			.check(SHIPPED);
	}

	@Test
	void autoConfigurationsAndPropertiesLiveInTheAutoconfigurePackage() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.or()
			.areAnnotatedWith(ConfigurationProperties.class)
			.should()
			.resideInAPackage(BASE + ".autoconfigure")
			.check(SHIPPED);
	}

	@Test
	void everyAutoConfiguredBeanBacksOffForTheApplicationsOwn() {
		methods().that()
			.areAnnotatedWith(Bean.class)
			.and()
			.areDeclaredInClassesThat()
			.resideInAPackage(BASE + ".autoconfigure..")
			.should()
			.beAnnotatedWith(ConditionalOnMissingBean.class)
			.check(SHIPPED);
	}

	// Spring Boot's own architecture rules (its build's ArchitectureRules), which every
	// auto-configuration here follows.

	@Test
	void autoConfigurationsArePublicAndFinal() {
		autoConfigurationsArePublicAndFinal.check(SHIPPED);
	}

	@Test
	void autoConfigurationsHaveNoPublicMembers() {
		autoConfigurationsHaveNoPublicMembers.check(SHIPPED);
	}

	@Test
	void conditionsAreNotPublic() {
		conditionsAreNotPublic.check(SHIPPED);
	}

	@Test
	void caseConversionIsIndependentOfTheDefaultLocale() {
		caseConversionNamesALocale.check(SHIPPED);
	}

	@Test
	void theRulesFindWhatTheyForbid() {
		JavaClasses violations = new ClassFileImporter().importClasses(OpenAutoConfiguration.class,
				PublicCondition.class, DefaultLocaleCaseConversion.class, LeakingInternalCrypto.class);
		assertThat(autoConfigurationsArePublicAndFinal.evaluate(violations).hasViolation()).isTrue();
		assertThat(autoConfigurationsHaveNoPublicMembers.evaluate(violations).getFailureReport().getDetails())
			.anyMatch((detail) -> detail.contains("publicBean"))
			.noneMatch((detail) -> detail.contains("BEAN_NAME"));
		assertThat(conditionsAreNotPublic.evaluate(violations).hasViolation()).isTrue();
		assertThat(caseConversionNamesALocale.evaluate(violations).getFailureReport().getDetails()).hasSize(2);
		assertThat(publicSignaturesDoNotExposeTheInternalCrypto.evaluate(violations).getFailureReport().getDetails())
			.hasSize(4)
			.anyMatch((detail) -> detail.contains("signer"))
			.anyMatch((detail) -> detail.contains("keys"))
			.anyMatch((detail) -> detail.contains("<init>"))
			.anyMatch((detail) -> detail.contains("validators"))
			.noneMatch((detail) -> detail.contains("hidden"));
	}

	private final ArchRule autoConfigurationsArePublicAndFinal = classes().that()
		.areAnnotatedWith(AutoConfiguration.class)
		.should()
		.bePublic()
		.andShould()
		.haveModifier(JavaModifier.FINAL);

	private final ArchRule autoConfigurationsHaveNoPublicMembers = members().that()
		.areDeclaredInClassesThat()
		.areAnnotatedWith(AutoConfiguration.class)
		.and(areNotConstants())
		.and(areNotDefaultConstructors())
		.should()
		.notBePublic()
		.because("an auto-configuration is used by Spring Boot, not called; only bean-name constants are public");

	private final ArchRule conditionsAreNotPublic = classes().that()
		.areAssignableTo(Condition.class)
		.should()
		.notBePublic()
		.because("a condition is used through its annotation, not as API");

	private final ArchRule publicSignaturesDoNotExposeTheInternalCrypto = classes().that()
		.resideOutsideOfPackage(BASE + ".crypto.internal..")
		.and()
		.arePublic()
		.should(exposeNoInternalCryptoInPublicOrProtectedMembers())
		.because("crypto.internal may change in any release; what users can reach must not name it");

	private final ArchRule caseConversionNamesALocale = noClasses().should()
		.callMethod(String.class, "toLowerCase")
		.orShould()
		.callMethod(String.class, "toUpperCase")
		.because("the default locale changes the result (Turkish dotless i); use toLowerCase(Locale.ROOT)");

	private static ArchCondition<JavaClass> exposeNoInternalCryptoInPublicOrProtectedMembers() {
		return new ArchCondition<>("expose no crypto.internal type in a public or protected member") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				for (JavaMember member : type.getMembers()) {
					if (!member.getModifiers().contains(JavaModifier.PUBLIC)
							&& !member.getModifiers().contains(JavaModifier.PROTECTED)) {
						continue;
					}
					Set<JavaClass> named = new HashSet<>();
					if (member instanceof JavaField field) {
						named.addAll(field.getType().getAllInvolvedRawTypes());
					}
					if (member instanceof JavaCodeUnit codeUnit) {
						named.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
						codeUnit.getParameterTypes()
							.forEach((parameter) -> named.addAll(parameter.getAllInvolvedRawTypes()));
						named.addAll(codeUnit.getThrowsClause().getTypes());
					}
					named.stream()
						.filter((candidate) -> candidate.getPackageName().startsWith(BASE + ".crypto.internal"))
						.forEach((internal) -> events.add(SimpleConditionEvent.violated(member,
								member.getFullName() + " exposes " + internal.getName())));
				}
			}

		};
	}

	private static DescribedPredicate<JavaMember> areNotConstants() {
		return DescribedPredicate.describe("are not constants",
				(member) -> !(member.getModifiers().containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL))
						&& member instanceof JavaField));
	}

	private static DescribedPredicate<JavaMember> areNotDefaultConstructors() {
		return DescribedPredicate.describe("are not default constructors",
				(member) -> !(member instanceof JavaConstructor constructor && constructor.getParameters().isEmpty()));
	}

	@AutoConfiguration
	public static class OpenAutoConfiguration {

		public static final String BEAN_NAME = "bean";

		@Bean
		public String publicBean() {
			return BEAN_NAME;
		}

	}

	public static class PublicCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return ConditionOutcome.match();
		}

	}

	public static class LeakingInternalCrypto {

		public RsaSigner signer;

		protected List<PemKeys> keys;

		private UntrustedText hidden;

		public LeakingInternalCrypto(UntrustedText text) {
			this.hidden = text;
		}

		public Map<String, WechatPaySignatureValidator> validators() {
			return Map.of();
		}

		String hidden(RsaSigner signer) {
			return this.hidden.toString() + signer;
		}

	}

	static class DefaultLocaleCaseConversion {

		String lower(String text) {
			return text.toLowerCase() + text.toLowerCase(Locale.ROOT);
		}

		String upper(String text) {
			return text.toUpperCase();
		}

	}

}
