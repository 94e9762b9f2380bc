package io.github.wechatpaycomplaint.model.request;

import java.util.Base64;

import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An upload is a JPEG, PNG or BMP recognised by its bytes, at most 2 MB, with a filename
 * of the same type.
 */
class ImageUploadTests {

	private static final byte[] PNG = Base64.getDecoder()
		.decode(Vectors.root().get("image_upload").get("file_base64").asString());

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0 };

	@Test
	void recognisesTheFormatsByTheirBytesAndHashesLikeTheOfficialSdk() {
		ImageUpload png = ImageUpload.of("evidence.png", PNG);
		assertThat(png.getFormat()).isEqualTo(ImageFormat.PNG);
		assertThat(png.sha256()).isEqualTo(Vectors.root().get("image_upload").get("sha256").asString());
		assertThat(ImageUpload.of("photo.JPEG", JPEG).getFormat()).isEqualTo(ImageFormat.JPEG);
		assertThat(ImageUpload.of("photo.jpg", JPEG).getFormat()).isEqualTo(ImageFormat.JPEG);
		assertThat(ImageUpload.of("scan.bmp", new byte[] { 0x42, 0x4D, 1 }).getFormat()).isEqualTo(ImageFormat.BMP);
		assertThat(png.toString()).contains("evidence.png").contains("PNG");
	}

	@Test
	void refusesAFileThatIsNoImageWhateverItsName() {
		assertThatExceptionOfType(InvalidComplaintRequestException.class)
			.isThrownBy(() -> ImageUpload.of("evidence.png", "GIF89a".getBytes()))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("file"));
	}

	@Test
	void refusesAnEmptyFile() {
		assertThatExceptionOfType(InvalidComplaintRequestException.class)
			.isThrownBy(() -> ImageUpload.of("evidence.png", new byte[0]))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("file"));
	}

	@Test
	void refusesAFileOverTwoMegabytes() {
		byte[] big = new byte[ImageUpload.MAX_SIZE + 1];
		System.arraycopy(JPEG, 0, big, 0, JPEG.length);
		assertThatExceptionOfType(InvalidComplaintRequestException.class)
			.isThrownBy(() -> ImageUpload.of("big.jpg", big))
			.withMessageContaining("2 MB")
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("file"));
		byte[] limit = new byte[ImageUpload.MAX_SIZE];
		System.arraycopy(JPEG, 0, limit, 0, JPEG.length);
		assertThat(ImageUpload.of("limit.jpg", limit).getContent()).hasSize(ImageUpload.MAX_SIZE);
	}

	@Test
	void refusesAFilenameWithoutAnImageExtension() {
		assertThatExceptionOfType(InvalidComplaintRequestException.class)
			.isThrownBy(() -> ImageUpload.of("evidence.gif", PNG))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("filename"));
	}

	@Test
	void refusesAFilenameOfAnotherFormat() {
		assertThatExceptionOfType(InvalidComplaintRequestException.class)
			.isThrownBy(() -> ImageUpload.of("evidence.jpg", PNG))
			.withMessageContaining("PNG")
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("filename"));
	}

	@Test
	void refusesAFilenameOver128Characters() {
		assertThatExceptionOfType(InvalidComplaintRequestException.class)
			.isThrownBy(() -> ImageUpload.of("a".repeat(125) + ".png", PNG))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("filename"));
	}

}
