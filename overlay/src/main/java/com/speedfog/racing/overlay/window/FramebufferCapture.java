package com.speedfog.racing.overlay.window;

import org.lwjgl.BufferUtils;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

import static org.lwjgl.opengl.GL11.*;

/** Reads the current OpenGL back buffer into an ARGB image (alpha kept: transparent pixels stay transparent). */
public final class FramebufferCapture {

    private FramebufferCapture() {
    }

    public static BufferedImage read(int width, int height) {
        ByteBuffer pixels = BufferUtils.createByteBuffer(width * height * 4);
        glReadBuffer(GL_BACK);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 4;
                int r = pixels.get(i) & 0xFF;
                int g = pixels.get(i + 1) & 0xFF;
                int b = pixels.get(i + 2) & 0xFF;
                int a = pixels.get(i + 3) & 0xFF;
                // OpenGL rows start at the bottom.
                image.setRGB(x, height - 1 - y, (a << 24) | (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }
}
