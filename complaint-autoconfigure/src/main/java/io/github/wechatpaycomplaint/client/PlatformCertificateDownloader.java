package io.github.wechatpaycomplaint.client;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.wechatpaycomplaint.WechatPayException;
import io.github.wechatpaycomplaint.certificate.PlatformCertificate;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateSource;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateTrust;
import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;
import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * Downloads the platform certificates ({@code GET /v3/certificates}, or
 * {@code /v3/global/certificates} in Hong Kong), decrypts them with the APIv3 key,
 * refuses those that do not chain to the trust anchor or are outside their validity
 * dates, and checks the answer's signature with a remaining certificate from the same
 * answer (or a key already trusted), as WeChat Pay's SDKs do. A redirect is refused,
 * never followed, and the answer is read up to
 * {@link WechatPayAnswerTooLargeException#MAX_JSON_ANSWER_BYTES}.
 *
 * @since 0.1.0
 */
public final class PlatformCertificateDownloader implements PlatformCertificateSource {

	private static final Log logger = LogFactory.getLog(PlatformCertificateDownloader.class);

	private final RestClient signingClient;

	private final String path;

	private final WechatPayMerchant merchant;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final Duration maxClockSkew;

	private final PlatformCertificateTrust trust;

	/**
	 * Creates a downloader that trusts platform certificates issued by the built-in
	 * Tenpay.com Root CA.
	 * @param signingClient a client that signs requests but does not verify answers (this
	 * class does)
	 * @param path the download path
	 * @param merchant the merchant whose APIv3 key decrypts the certificates
	 * @param jsonMapper the JSON mapper
	 * @param clock the clock for the answer's timestamp window
	 * @param maxClockSkew the allowed skew
	 */
	public PlatformCertificateDownloader(RestClient signingClient, String path, WechatPayMerchant merchant,
			JsonMapper jsonMapper, Clock clock, Duration maxClockSkew) {
		this(signingClient, path, merchant, jsonMapper, clock, maxClockSkew,
				PlatformCertificateTrust.tenpayRootCa(clock));
	}

	/**
	 * Creates a downloader.
	 * @param signingClient a client that signs requests but does not verify answers (this
	 * class does)
	 * @param path the download path
	 * @param merchant the merchant whose APIv3 key decrypts the certificates
	 * @param jsonMapper the JSON mapper
	 * @param clock the clock for the answer's timestamp window and the certificates'
	 * validity
	 * @param maxClockSkew the allowed skew
	 * @param trust decides which downloaded certificates may be trusted
	 */
	public PlatformCertificateDownloader(RestClient signingClient, String path, WechatPayMerchant merchant,
			JsonMapper jsonMapper, Clock clock, Duration maxClockSkew, PlatformCertificateTrust trust) {
		this.trust = Objects.requireNonNull(trust, "trust");
		this.signingClient = Objects.requireNonNull(signingClient, "signingClient");
		this.path = Objects.requireNonNull(path, "path");
		this.merchant = Objects.requireNonNull(merchant, "merchant");
		this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
	}

	/**
	 * Downloads and verifies the certificates.
	 * @param trustedKeys keys already trusted (e.g. the public key, or certificates
	 * downloaded before) that may have signed the answer
	 * @return the certificates, keyed by serial number
	 * @throws WechatPayException if the download, decryption or verification fails, or no
	 * certificate of the answer can be trusted
	 */
	@Override
	public Map<String, PlatformCertificate> download(VerificationKeyResolver trustedKeys) {
		Answer answer = this.signingClient.get()
			.uri(this.path)
			.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.CERTIFICATES)
			.exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				HttpHeaders headers = response.getHeaders();
				if (status.is3xxRedirection()) {
					response.close();
					throw WechatPayErrorAnswers.redirect(status, headers);
				}
				String statusText = response.getStatusText();
				byte[] body = BoundedAnswers.readAndClose(response,
						WechatPayAnswerTooLargeException.MAX_JSON_ANSWER_BYTES, BoundedAnswers.operation(request));
				return new Answer(status, statusText, SignedHeaders.from(headers::getFirst),
						headers.getFirst(WechatPayResponseVerifyingInterceptor.REQUEST_ID), body);
			}, true);
		Objects.requireNonNull(answer, "answer");
		if (!answer.status().is2xxSuccessful()) {
			throw WechatPayErrorAnswers.toException(this.jsonMapper, answer.status(), answer.statusText(),
					answer.body(), answer.requestId(), false);
		}
		Map<String, PlatformCertificate> certificates = parse(answer.body());
		VerificationKeyResolver resolver = (serial) -> {
			PlatformCertificate certificate = certificates.get(serial);
			return (certificate != null) ? Optional.of(certificate.publicKey()) : trustedKeys.resolve(serial);
		};
		new WechatPaySignatureValidator(resolver, this.clock, this.maxClockSkew).validate(answer.headers(),
				answer.body());
		return certificates;
	}

	private Map<String, PlatformCertificate> parse(byte[] body) {
		JsonNode data = this.jsonMapper.readTree(body).get("data");
		if (data == null || !data.isArray()) {
			throw new WechatPayException("The platform certificate answer has no 'data' array");
		}
		Map<String, PlatformCertificate> certificates = new LinkedHashMap<>();
		for (JsonNode item : data) {
			JsonNode encrypted = item.path("encrypt_certificate");
			String algorithm = encrypted.path("algorithm").asString("");
			if (!ApiV3KeyCipher.ALGORITHM.equals(algorithm)) {
				continue; // e.g. SM2 certificates, which this starter does not use
			}
			String serial = item.path("serial_no").asString("");
			byte[] pem = this.merchant.decryptWithApiV3Key(encrypted.path("associated_data").asString(""),
					encrypted.path("nonce").asString(""), encrypted.path("ciphertext").asString(""));
			var x509 = PemKeys.certificate(new String(pem, StandardCharsets.UTF_8));
			String actualSerial = x509.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
			if (!serial.matches("[0-9A-Fa-f]{1,64}") || !new BigInteger(serial, 16).equals(x509.getSerialNumber())) {
				throw new WechatPayException("Platform certificate serial_no " + serial
						+ " does not match the serial of the decrypted certificate " + actualSerial);
			}
			certificates.put(serial, new PlatformCertificate(serial, x509, instant(item, "effective_time"),
					instant(item, "expire_time")));
		}
		if (certificates.isEmpty()) {
			throw new WechatPayException("The platform certificate answer holds no AEAD_AES_256_GCM certificate");
		}
		return trusted(certificates);
	}

	// Keeps the certificates that chain to the trust anchor and are valid now; a refused
	// one is logged, never used.
	private Map<String, PlatformCertificate> trusted(Map<String, PlatformCertificate> certificates) {
		Map<String, PlatformCertificate> trusted = new LinkedHashMap<>();
		List<String> refusals = new ArrayList<>();
		for (PlatformCertificate certificate : certificates.values()) {
			Optional<String> refusal = refusalReason(certificate);
			if (refusal.isEmpty()) {
				trusted.put(certificate.serialNumber(), certificate);
			}
			else {
				logger.warn(
						"WeChat Pay platform certificate " + certificate.serialNumber() + " refused: " + refusal.get());
				refusals.add(certificate.serialNumber() + ": " + refusal.get());
			}
		}
		if (trusted.isEmpty()) {
			throw new WechatPayException("No downloaded WeChat Pay platform certificate can be trusted ("
					+ String.join("; ", refusals) + "); the certificates known before stay in use. Check "
					+ "'wechatpay.complaint.platform-certificates.trust-anchor' and the system clock.");
		}
		return trusted;
	}

	private Optional<String> refusalReason(PlatformCertificate certificate) {
		Optional<String> refusal = this.trust.refusalReason(certificate.certificate());
		if (refusal.isEmpty() && !this.clock.instant().isBefore(certificate.expireTime())) {
			return Optional.of("its expire_time " + certificate.expireTime() + " has passed");
		}
		return refusal;
	}

	private static Instant instant(JsonNode item, String field) {
		try {
			return OffsetDateTime.parse(item.path(field).asString("")).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new WechatPayException("Platform certificate " + field + " is not an RFC 3339 time");
		}
	}

	private record Answer(HttpStatusCode status, String statusText, SignedHeaders headers, @Nullable String requestId,
			byte[] body) {
	}

}
