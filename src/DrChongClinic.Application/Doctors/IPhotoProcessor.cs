namespace DrChongClinic.Application.Doctors;

/// <summary>A photo ready to serve: resized, stripped of every piece of metadata (EXIF, GPS, XMP, ICC) and re-encoded.</summary>
public sealed record ProcessedPhoto(byte[] Content, string ContentType, int Width, int Height);

/// <summary>Why an uploaded photo was refused.</summary>
public enum PhotoProblem
{
    /// <summary>Not a JPEG, PNG or WebP image by its content (whatever its name says), or damaged.</summary>
    NotAnImage,

    /// <summary>Too many bytes, or too many pixels to decode safely.</summary>
    TooLarge,
}

/// <summary>Turns an uploaded file into a photo the site can serve (Infrastructure implements it with SkiaSharp).</summary>
public interface IPhotoProcessor
{
    /// <summary>Largest upload accepted, in bytes.</summary>
    const int MaxUploadBytes = 5 * 1024 * 1024;

    /// <summary>The longest side of the stored photo, in pixels.</summary>
    const int MaxSide = 800;

    /// <summary>The processed photo, or the problem; never throws for a bad file.</summary>
    (ProcessedPhoto? Photo, PhotoProblem? Problem) Process(byte[] upload);
}
