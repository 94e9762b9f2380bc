package io.github.wechatpaycomplaint.simulator.state;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Draws the small PNG "screenshots" users attach to simulated complaints.
 *
 * @since 0.1.0
 */
final class SampleImages {

	private SampleImages() {
	}

	static byte[] png(Random random) {
		BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
		Color color = new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				image.setRGB(x, y, ((x + y) % 4 == 0) ? Color.WHITE.getRGB() : color.getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
