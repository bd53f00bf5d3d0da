namespace DrChongClinic.Web;

/// <summary>Marker for the site's UI text in Resources/SharedResource(.ms).resx.</summary>
public sealed class SharedResource;
