package io.github.wechatpaycomplaint.simulator.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.github.wechatpaycomplaint.simulator.crypto.AesGcm;
import io.github.wechatpaycomplaint.simulator.http.ApiAnswer;
import io.github.wechatpaycomplaint.simulator.http.ApiRequest;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import io.github.wechatpaycomplaint.simulator.notify.ResourceNonces;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform certificate download of certificate mode ({@code /v3/certificates}, Hong
 * Kong {@code /v3/global/certificates}): the certificate PEM encrypted with the APIv3 key
 * (associated data {@code certificate}); the answer is signed with the certificate's own
 * key.
 *
 * @since 0.1.0
 */
final class CertificateHandler {

	static final String ASSOCIATED_DATA = "certificate";

	private final SimulatorKeys keys;

	private final JsonMapper jsonMapper;

	CertificateHandler(SimulatorKeys keys, JsonMapper jsonMapper) {
		this.keys = keys;
		this.jsonMapper = jsonMapper;
	}

	ApiAnswer certificates(ApiRequest request) {
		String nonce = ResourceNonces.next();
		String ciphertext = new AesGcm(this.keys.apiV3Key()).encrypt(ASSOCIATED_DATA, nonce,
				PemText.write(this.keys.platformCertificate()).getBytes(StandardCharsets.UTF_8));
		ObjectNode body = this.jsonMapper.createObjectNode();
		ObjectNode item = body.putArray("data").addObject();
		item.put("serial_no", this.keys.platformCertificateSerial());
		item.put("effective_time", time(this.keys.platformCertificate().getNotBefore().toInstant()));
		item.put("expire_time", time(this.keys.platformCertificate().getNotAfter().toInstant()));
		ObjectNode encrypted = item.putObject("encrypt_certificate");
		encrypted.put("algorithm", AesGcm.ALGORITHM);
		encrypted.put("nonce", nonce);
		encrypted.put("associated_data", ASSOCIATED_DATA);
		encrypted.put("ciphertext", ciphertext);
		return ApiAnswer.json(200, this.jsonMapper.writeValueAsBytes(body));
	}

	private static String time(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(8)));
	}

}
