using DrChongClinic.Application.Doctors;
using SkiaSharp;

namespace DrChongClinic.Infrastructure.Images;

/// <summary>
/// Doctor photos with SkiaSharp (MIT, the Skia engine of Chrome and Android): the format is read from the file's
/// content, never its name; only JPEG, PNG and WebP are accepted; the pixel count is checked before decoding (a
/// small file can claim a huge image); the photo is turned upright (EXIF orientation), scaled to fit
/// <see cref="IPhotoProcessor.MaxSide"/> and re-encoded as a new JPEG from the pixels alone, so no metadata survives.
/// </summary>
public sealed class SkiaPhotoProcessor : IPhotoProcessor
{
    /// <summary>Most pixels decoded (about a 40 megapixel camera): more would take hundreds of MB of memory.</summary>
    public const long MaxPixels = 40_000_000;

    private const int JpegQuality = 85;

    public (ProcessedPhoto? Photo, PhotoProblem? Problem) Process(byte[] upload)
    {
        if (upload.Length > IPhotoProcessor.MaxUploadBytes)
        {
            return (null, PhotoProblem.TooLarge);
        }

        if (upload.Length == 0)
        {
            return (null, PhotoProblem.NotAnImage);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            return (null, PhotoProblem.NotAnImage);
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
        {
            return (null, PhotoProblem.TooLarge);
        }

        using var decoded = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not SKCodecResult.Success)
        {
            // Also a file cut short (IncompleteInput): the decoder would fill the missing rows with grey, and the
            // doctor's page would show a half picture (staff-area sweep).
            return (null, PhotoProblem.NotAnImage);
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)IPhotoProcessor.MaxSide / Math.Max(upright.Width, upright.Height));
        var width = Math.Max(1, (int)Math.Round(upright.Width * scale));
        var height = Math.Max(1, (int)Math.Round(upright.Height * scale));

        // Drawn onto white: a transparent PNG becomes a photo on white, as JPEG has no transparency.
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using (var image = SKImage.FromBitmap(upright))
        {
            surface.Canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return encoded is null ? (null, PhotoProblem.NotAnImage) : (new ProcessedPhoto(encoded.ToArray(), "image/jpeg", width, height), null);
    }

    /// <summary>The bitmap as it should be seen: cameras store pixels sideways and say so in the EXIF orientation.</summary>
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft)
        {
            return bitmap.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var width = swap ? bitmap.Height : bitmap.Width;
        var height = swap ? bitmap.Width : bitmap.Height;
        var rotated = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(rotated);
        var (w, h) = (bitmap.Width, bitmap.Height);
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(bitmap, 0, 0);
        return rotated;
    }
}
