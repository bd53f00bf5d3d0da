using System.Buffers.Binary;
using DrChongClinic.Application.Doctors;
using DrChongClinic.Infrastructure.Images;
using SkiaSharp;

namespace DrChongClinic.UnitTests.Images;

public sealed class SkiaPhotoProcessorTests
{
    private readonly SkiaPhotoProcessor _processor = new();

    [Fact]
    public void A_sideways_camera_photo_is_turned_upright_by_its_exif_orientation_and_the_exif_is_gone()
    {
        // Stored 200 wide and 100 high, with orientation 6 ("rotate 90° clockwise to view"): seen 100 wide, 200 high.
        var (photo, problem) = _processor.Process(WithExifOrientation(Encode(200, 100, SKEncodedImageFormat.Jpeg), 6));

        Assert.Null(problem);
        Assert.Equal((100, 200), (photo!.Width, photo.Height));
        using var decoded = SKBitmap.Decode(photo.Content);
        Assert.Equal((100, 200), (decoded.Width, decoded.Height));
        Assert.Equal(-1, photo.Content.AsSpan().IndexOf("Exif"u8));
        Assert.Equal("image/jpeg", photo.ContentType);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Png_and_webp_are_accepted_and_re_encoded_as_jpeg(SKEncodedImageFormat format)
    {
        var (photo, problem) = _processor.Process(Encode(1000, 2000, format));

        Assert.Null(problem);
        Assert.Equal((400, 800), (photo!.Width, photo.Height));
        Assert.True(photo.Content.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }));
    }

    [Fact]
    public void A_bitmap_file_and_text_are_refused_whatever_they_are_called()
    {
        var bmp = new byte[] { 0x42, 0x4D, 58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0x13, 0x0B, 0, 0, 0x13, 0x0B, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0 };

        Assert.Equal(PhotoProblem.NotAnImage, _processor.Process(bmp).Problem);
        Assert.Equal(PhotoProblem.NotAnImage, _processor.Process("GIF89a not really"u8.ToArray()).Problem);
        Assert.Equal(PhotoProblem.NotAnImage, _processor.Process([]).Problem);
    }

    [Fact]
    public void A_small_file_claiming_a_huge_image_is_refused_before_decoding()
    {
        var png = Encode(10, 10, SKEncodedImageFormat.Png);
        // IHDR starts at byte 16: width and height, then its CRC (over type and data) at byte 29.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 50_000);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 50_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));

        Assert.Equal(PhotoProblem.TooLarge, _processor.Process(png).Problem);
        Assert.Equal(PhotoProblem.TooLarge, _processor.Process(new byte[IPhotoProcessor.MaxUploadBytes + 1]).Problem);
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Teal);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>Adds an APP1 EXIF block with one entry, Orientation (0x0112), after the JPEG's start marker.</summary>
    private static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, (byte)orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        byte[] header = [0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF)];
        return jpeg.Take(2).Concat(header).Concat(payload).Concat(jpeg.Skip(2)).ToArray();
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
