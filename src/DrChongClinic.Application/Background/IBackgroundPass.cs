namespace DrChongClinic.Application.Background;

/// <summary>
/// One pass of a background job: does the work that is due now and says what it did. The running site calls it
/// on a timer (<see cref="BackgroundPassRunner{TPass, TResult}"/>); tests call it directly and check the rows.
/// </summary>
public interface IBackgroundPass<TResult>
{
    Task<TResult> RunOnceAsync(CancellationToken cancellationToken);
}
