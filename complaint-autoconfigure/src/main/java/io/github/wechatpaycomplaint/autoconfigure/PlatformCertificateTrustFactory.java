package io.github.wechatpaycomplaint.autoconfigure;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateTrust;
import io.github.wechatpaycomplaint.crypto.InvalidKeyMaterialException;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;

/**
 * Builds the {@link PlatformCertificateTrust} from
 * {@code platform-certificates.trust-anchor}: the built-in Tenpay.com Root CA when unset,
 * otherwise a local resource or the PEM text. A remote location is refused: the anchor
 * that decides which certificates are trusted must not come over the network.
 */
final class PlatformCertificateTrustFactory {

	static final String PROPERTY = ComplaintProperties.PREFIX + ".platform-certificates.trust-anchor";

	private static final String FIX = "Set '%s' to the PEM of the CA certificate that issues the "
			+ "platform certificates (a file: or classpath: location, or the PEM text), or remove it to use the "
			+ "built-in Tenpay.com Root CA.";

	// A scheme of two letters or more: a single letter is a Windows drive (C:\...).
	private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

	private static final Set<String> LOCAL_SCHEMES = Set.of("file", "classpath");

	private final ResourceLoader resourceLoader;

	private final String property;

	private final String fix;

	PlatformCertificateTrustFactory(ResourceLoader resourceLoader) {
		this(resourceLoader, PROPERTY);
	}

	PlatformCertificateTrustFactory(ResourceLoader resourceLoader, String property) {
		this.resourceLoader = resourceLoader;
		this.property = property;
		this.fix = FIX.formatted(property);
	}

	PlatformCertificateTrust trust(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return PlatformCertificateTrust.tenpayRootCa(clock);
		}
		X509Certificate anchor;
		try {
			anchor = PemKeys.certificate(pem(value.strip()));
		}
		catch (InvalidKeyMaterialException ex) {
			throw new InvalidComplaintPropertyException(this.property, ex.getMessage(), this.fix, ex);
		}
		try {
			return new PlatformCertificateTrust(anchor, clock);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidComplaintPropertyException(this.property, ex.getMessage(), this.fix, ex);
		}
	}

	private String pem(String value) {
		if (value.contains("-----BEGIN")) {
			return value.replace("\\n", "\n");
		}
		Matcher scheme = SCHEME.matcher(value);
		if ((scheme.find() && !LOCAL_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT)))
				|| KeyMaterialLoader.isFileOnAnotherHost(value)) {
			throw new InvalidComplaintPropertyException(this.property, "the location '" + value
					+ "' is not a file: or classpath: resource on this machine (remote locations such as https: or "
					+ "file://host/ are not accepted)", this.fix);
		}
		return new KeyMaterialLoader(this.resourceLoader).readLocal(value, this.property, "'" + value + "'", this.fix);
	}

}
