using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DrChongClinic.Infrastructure.Content;

public static class ContentServices
{
    /// <summary>The article store: one instance, loaded when the site starts.</summary>
    public static IServiceCollection AddArticleContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ContentOptions>(configuration.GetSection(ContentOptions.Section));
        services.Configure<ArticleReviewers>(configuration.GetSection(ArticleReviewers.Section));
        services.AddSingleton<ArticleStore>();
        services.AddHostedService(provider => provider.GetRequiredService<ArticleStore>());
        return services;
    }
}
